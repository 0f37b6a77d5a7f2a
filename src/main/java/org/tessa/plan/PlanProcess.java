package org.tessa.plan;

/**
 * The names of the plan's part of {@code bpmn/ways-forward-panel.bpmn} (agreement and reviews), written once.
 */
public final class PlanProcess {

    public static final String EVENT_PLAN_AGREED = "Event_PlanAgreed";
    public static final String TIMER_PLAN_REVIEW_DUE = "Timer_PlanReviewDue";
    public static final String TASK_REVIEW_PLAN = "Task_ReviewPlan";
    public static final String EVENT_PLAN_CLOSED = "Event_PlanClosed";

    public static final String MESSAGE_PLAN_AGREED = "Message_PlanAgreed";

    /** When the plan's next review falls due. */
    public static final String PLAN_REVIEW_DUE = "planReviewDue";
    /** The plan review form's decision: CONTINUE, CLOSE_ACHIEVED or BACK_TO_PANEL. */
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    /** The plan review form's account of progress (free text: removed from the engine once recorded). */
    static final String PROGRESS = "progress";
    /** The plan review form's next review date, for CONTINUE. */
    static final String NEXT_REVIEW_DATE = "nextReviewDate";

    private PlanProcess() {
    }
}
