package org.tessa.signposting;

/** How a signpost to a portal is carried out. */
public enum PortalMode {
    /** The school is told where and how to refer. */
    GUIDANCE("Guidance for the school"),
    /** TESSA sends the referral to the portal's endpoint itself. */
    REFERRAL("Referral sent by TESSA");

    private final String label;

    PortalMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
