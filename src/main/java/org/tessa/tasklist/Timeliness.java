package org.tessa.tasklist;

/** Red, amber or green: how a task stands against its due date; a child at immediate risk is never "On time". */
public enum Timeliness {
    RED("Overdue", "red"),
    /** Not yet overdue, but about a child who may be at immediate risk: due within hours. */
    IMMEDIATE("Due within hours", "red"),
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
