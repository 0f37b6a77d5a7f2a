package org.tessa.tasklist;

/** Red, amber or green: how a task stands against its due date. */
public enum Timeliness {
    RED("Overdue", "red"),
    AMBER("Due today", "orange"),
    GREEN("On time", "green");

    private final String label;
    private final String tagColour;

    Timeliness(String label, String tagColour) {
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
