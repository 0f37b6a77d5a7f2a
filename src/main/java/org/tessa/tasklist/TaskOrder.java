package org.tessa.tasklist;

/** How the task list is sorted. */
public enum TaskOrder {
    /** Children at immediate risk first, then the task due first: the default. */
    URGENCY("Most urgent first"),
    /** The task waiting longest first. */
    OLDEST("Waiting longest first"),
    /** The task created last first. */
    NEWEST("Newest first");

    private final String label;

    TaskOrder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The same order in SQL, matching the indexes of {@code work_item}. */
    String sql() {
        return switch (this) {
            case URGENCY -> "immediate_risk desc, due_at asc nulls last, created_at asc";
            case OLDEST -> "created_at asc";
            case NEWEST -> "created_at desc";
        };
    }
}
