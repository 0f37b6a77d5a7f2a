package org.tessa.plan;

/** Where a bespoke plan stands. */
public enum PlanStatus {
    DRAFT("Being written", "grey"),
    CONFIRMED("In progress", "blue"),
    CLOSED("Closed: outcomes achieved", "green"),
    RETURNED_TO_PANEL("Returned to the panel", "orange"),
    SUPERSEDED("Superseded by a new plan", "grey"),
    ENDED("Ended", "grey");

    private final String label;
    private final String tagColour;

    PlanStatus(String label, String tagColour) {
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
