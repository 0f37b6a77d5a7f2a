package org.tessa.plan;

/** Where one plan action stands. */
public enum ActionStatus {
    AGREED("Agreed", "grey"),
    ACCEPTED("Accepted", "blue"),
    IN_PROGRESS("In progress", "blue"),
    DECLINED("Declined: to be reassigned", "orange"),
    COMPLETED("Completed", "green"),
    CANCELLED("Cancelled", "grey");

    private final String label;
    private final String tagColour;

    ActionStatus(String label, String tagColour) {
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
