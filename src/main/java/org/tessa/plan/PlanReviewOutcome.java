package org.tessa.plan;

/** What a plan review decides; the values of the plan review form's {@code reviewOutcome}. */
public enum PlanReviewOutcome {
    CONTINUE("continue the plan"),
    CLOSE_ACHIEVED("close it, the outcomes are achieved"),
    BACK_TO_PANEL("back to the Ways Forward Panel (WFP)");

    private final String label;

    PlanReviewOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
