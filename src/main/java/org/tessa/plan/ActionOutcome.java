package org.tessa.plan;

/** What a completed plan action achieved. */
public enum ActionOutcome {
    ACHIEVED("Achieved"),
    PARTLY_ACHIEVED("Partly achieved"),
    NOT_ACHIEVED("Not achieved");

    private final String label;

    ActionOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
