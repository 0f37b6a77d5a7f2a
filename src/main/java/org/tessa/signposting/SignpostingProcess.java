package org.tessa.signposting;

/** The names in {@code bpmn/portal-signpost.bpmn}, written once. */
public final class SignpostingProcess {

    public static final String PROCESS_KEY = "portal-signpost";

    public static final String TASK_PREPARE_SIGNPOST = "Task_PrepareSignpost";
    public static final String TASK_RECORD_GUIDANCE = "Task_RecordGuidance";
    public static final String TASK_SEND_REFERRAL = "Task_SendReferralToPortal";
    public static final String TASK_CONFIRM_MASH_REFERRAL = "Task_ConfirmMashReferral";
    public static final String SUBPROCESS_AWAIT_MASH_DECISION = "SubProcess_AwaitMashDecision";
    public static final String EVENT_MASH_DECISION_RECEIVED = "Event_MashDecisionReceived";
    public static final String TASK_CHASE_MASH_DECISION = "Task_ChaseMashDecision";
    public static final String TIMER_MASH_DECISION_OVERDUE = "Timer_MashDecisionOverdue";

    public static final String MESSAGE_MASH_DECISION_RECEIVED = "Message_MashDecisionReceived";

    /** The code of the portal this instance signposts to. */
    public static final String PORTAL = "portal";
    /** How the portal is reached: GUIDANCE or REFERRAL. */
    public static final String PORTAL_MODE = "portalMode";
    /** Whether the portal is the MASH, whose decision the process waits for. */
    public static final String SAFEGUARDING = "safeguarding";
    /** When the MASH decision is due: one working day after the referral. */
    public static final String MASH_DECISION_DUE = "mashDecisionDue";
    /** The MASH's own reference for a referral the duty manager made (confirmation form). */
    public static final String MASH_REFERENCE = "mashReference";
    /** What the duty manager did to chase the MASH (chase form). */
    public static final String CHASE_NOTE = "chaseNote";

    private SignpostingProcess() {
    }
}
