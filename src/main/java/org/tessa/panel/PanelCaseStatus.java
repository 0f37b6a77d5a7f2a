package org.tessa.panel;

/** Where a case referred to the panel stands. */
public enum PanelCaseStatus {
    AWAITING_DATE("Awaiting a panel date", "orange"),
    ON_AGENDA("On a panel agenda", "blue"),
    DECIDED("Decided by the panel", "green");

    private final String label;
    private final String tagColour;

    PanelCaseStatus(String label, String tagColour) {
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
