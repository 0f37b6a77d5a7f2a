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

    boolean keeps(WorkItem task, String username) {
        return switch (this) {
            case ALL -> true;
            case MINE -> username.equals(task.assignee());
            case UNCLAIMED -> task.assignee() == null;
            case DUE_TODAY -> task.timeliness() == Timeliness.AMBER;
            case OVERDUE -> task.timeliness() == Timeliness.RED;
        };
    }
}
