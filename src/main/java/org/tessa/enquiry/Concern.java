package org.tessa.enquiry;

/** What the school is worried about. */
public enum Concern {
    SEND("Special educational needs and disabilities (SEND)"),
    SOCIAL_EMOTIONAL_MENTAL_HEALTH("Social, emotional and mental health"),
    SAFEGUARDING("Safeguarding"),
    ATTENDANCE("Attendance"),
    BEHAVIOUR("Behaviour"),
    FAMILY_SUPPORT("Family support"),
    OTHER("Something else");

    private final String label;

    Concern(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
