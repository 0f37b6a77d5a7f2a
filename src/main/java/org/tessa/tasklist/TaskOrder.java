package org.tessa.tasklist;

import java.time.Instant;
import java.util.Comparator;

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

    Comparator<WorkItem> comparator() {
        return switch (this) {
            case URGENCY -> Comparator.comparing(WorkItem::immediateRisk).reversed()
                    .thenComparing(WorkItem::due, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                    .thenComparing(WorkItem::created);
            case OLDEST -> Comparator.comparing(WorkItem::created);
            case NEWEST -> Comparator.comparing(WorkItem::created).reversed();
        };
    }
}
