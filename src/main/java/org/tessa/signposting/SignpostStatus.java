package org.tessa.signposting;

/** Where one signpost stands. */
public enum SignpostStatus {
    PLANNED("Being prepared", "grey"),
    GUIDANCE_GIVEN("Guidance given to the school", "green"),
    REFERRAL_SENT("Referral sent", "green"),
    AWAITING_MASH_CONFIRMATION("Waiting for the duty manager to confirm the referral", "yellow"),
    AWAITING_DECISION("Waiting for the MASH decision", "yellow"),
    DECIDED("MASH decision made", "green");

    private final String label;
    private final String tagColour;

    SignpostStatus(String label, String tagColour) {
        this.label = label;
        this.tagColour = tagColour;
    }

    public String label() {
        return label;
    }

    public String tagColour() {
        return tagColour;
    }
}
