package org.tessa.plan;

/** The support a plan gives, as the Ways Forward Panel decided it. */
public enum SupportKind {
    SINGLE_AGENCY("Single agency assessment and support"),
    MULTI_AGENCY("Specialist assessment and support, multi-agency, with a lead professional");

    private final String label;

    SupportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
