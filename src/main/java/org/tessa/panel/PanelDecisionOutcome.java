package org.tessa.panel;

/** What the panel decides about a case; the values of the panel decision form's {@code panelDecision}. */
public enum PanelDecisionOutcome {
    NO_FURTHER_ACTION("No further action (NFA)"),
    SINGLE_AGENCY("Single agency assessment and support"),
    MULTI_AGENCY("Specialist assessment and support, multi-agency, with a lead professional"),
    DEFER("Deferred to the next meeting");

    private final String label;

    PanelDecisionOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
