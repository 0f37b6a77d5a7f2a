package org.tessa.partner;

/** The names in {@code bpmn/partner-action.bpmn}, written once. */
public final class PartnerActionProcess {

    public static final String PROCESS_KEY = "partner-action";

    public static final String TASK_CARRY_OUT_ACTION = "Task_CarryOutAction";
    public static final String TASK_REASSIGN_ACTION = "Task_ReassignAction";
    public static final String TASK_CHASE_OVERDUE_ACTION = "Task_ChaseOverdueAction";
    public static final String TIMER_REMINDER_DUE = "Timer_ReminderDue";
    public static final String TIMER_ACTION_OVERDUE = "Timer_ActionOverdue";

    /** The plan action this instance carries out. */
    public static final String ACTION_ID = "actionId";
    /** The work queue (candidate group) of the organisation that owns the action. */
    public static final String PARTNER_QUEUE = "partnerQueue";
    /** When the action is due (end of its due date). */
    public static final String ACTION_DUE = "actionDue";
    /** When the organisation is reminded: two working days before the due date. */
    public static final String ACTION_REMINDER_AT = "actionReminderAt";
    /** The partner form's update: ACCEPTED, PROGRESS, DECLINED or COMPLETED. */
    public static final String PARTNER_UPDATE = "partnerUpdate";
    /** Who last updated the action: its next update is theirs, until it moves to another organisation. */
    static final String ACTION_WORKER = "actionWorker";
    static final String ACTION_OUTCOME = "actionOutcome";
    static final String NOTE = "note";
    static final String PARTNER_ORGANISATION = "partnerOrganisation";
    static final String CHASE_NOTE = "chaseNote";

    private PartnerActionProcess() {
    }
}
