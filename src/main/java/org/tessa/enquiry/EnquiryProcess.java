package org.tessa.enquiry;

/**
 * The names in {@code bpmn/tessa-enquiry.bpmn}, written once: the process key, its elements and its
 * variables. The process carries the enquiry's reference and routing decisions; facts stay in the tables.
 */
public final class EnquiryProcess {

    public static final String PROCESS_KEY = "tessa-enquiry";

    public static final String TASK_TRIAGE_ENQUIRY = "Task_TriageEnquiry";
    public static final String TASK_SEND_RESPONSE_TO_REFERRER = "Task_SendResponseToReferrer";
    public static final String TASK_SEND_TRIAGE_ADVICE = "Task_SendTriageAdvice";
    public static final String ACTIVITY_SIGNPOST_TO_PORTALS = "Activity_SignpostToPortals";
    public static final String TASK_RECORD_SIGNPOSTING_OUTCOME = "Task_RecordSignpostingOutcome";
    public static final String TASK_SEND_SIGNPOSTING_OUTCOME = "Task_SendSignpostingOutcome";
    public static final String EVENT_ENQUIRY_SIGNPOSTED = "Event_EnquirySignposted";
    public static final String TASK_SEND_PANEL_REFERRAL_ADVICE = "Task_SendPanelReferralAdvice";
    public static final String ACTIVITY_WAYS_FORWARD_PANEL = "Activity_WaysForwardPanel";
    public static final String EVENT_ENQUIRY_CLOSED = "Event_EnquiryClosed";
    public static final String EVENT_WITHDRAWN_BY_SCHOOL = "Event_WithdrawnBySchool";
    public static final String EVENT_ENQUIRY_WITHDRAWN = "Event_EnquiryWithdrawn";

    public static final String MESSAGE_ENQUIRY_WITHDRAWN = "Message_EnquiryWithdrawn";

    public static final String DUTY_MANAGERS = "duty-managers";

    /** The enquiry's reference (also the business key). */
    public static final String ENQUIRY_REFERENCE = "enquiryReference";
    /** Whether the school said the child may be at immediate risk. */
    public static final String IMMEDIATE_RISK = "immediateRisk";
    /** When triage is due: one working day after the enquiry arrived. */
    public static final String TRIAGE_DUE = "triageDue";
    /** The codes of the portals triage signposted to (the triage form's signpostTo). */
    public static final String SIGNPOST_TO = "signpostTo";
    /** The triage form's decision: ADVICE_GIVEN, SIGNPOSTED or REFER_TO_PANEL. */
    public static final String TRIAGE_OUTCOME = "triageOutcome";

    private EnquiryProcess() {
    }
}
