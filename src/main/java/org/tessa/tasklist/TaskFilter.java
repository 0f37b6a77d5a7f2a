package org.tessa.tasklist;

/** The saved views of the task list. */
public enum TaskFilter {
    ALL("All my work"),
    MINE("Mine"),
    UNCLAIMED("My team's unclaimed"),
    DUE_TODAY("Due today"),
    OVERDUE("Overdue");

    private final String label;

    TaskFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
