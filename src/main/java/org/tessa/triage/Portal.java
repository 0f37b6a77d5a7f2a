package org.tessa.triage;

/** A service a duty manager can signpost to; the values of the triage form's {@code signpostTo}. */
public enum Portal {
    SEND_PORTAL("SEND portal (special educational needs and disabilities)"),
    MASH("MASH (multi-agency safeguarding hub)"),
    MENTAL_HEALTH_PORTAL("Mental health portal");

    private final String label;

    Portal(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
