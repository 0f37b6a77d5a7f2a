package org.tessa.panel;

/** The names in {@code bpmn/ways-forward-panel.bpmn}, written once. */
public final class PanelProcess {

    public static final String PROCESS_KEY = "ways-forward-panel";

    public static final String TASK_PLACE_ON_AGENDA = "Task_PlaceOnAgenda";
    public static final String GATEWAY_WAIT_FOR_MEETING = "Gateway_WaitForMeeting";
    public static final String TIMER_MEETING_STARTS = "Timer_MeetingStarts";
    public static final String TASK_DECIDE_AT_PANEL = "Task_DecideAtPanel";
    public static final String EVENT_MEETING_SCHEDULED = "Event_MeetingScheduled";
    public static final String TASK_SEND_PANEL_DECISION = "Task_SendPanelDecision";
    public static final String EVENT_NO_FURTHER_ACTION = "Event_NoFurtherAction";

    public static final String MESSAGE_MEETING_STARTED_EARLY = "Message_MeetingStartedEarly";
    public static final String MESSAGE_PANEL_MEETING_SCHEDULED = "Message_PanelMeetingScheduled";
    public static final String MESSAGE_INFORMATION_REQUESTED = "Message_InformationRequested";
    public static final String MESSAGE_SCHOOL_ANSWERED = "Message_SchoolAnswered";
    public static final String EVENT_SCHOOL_ANSWERED = "Event_SchoolAnswered";

    /** Whether the case is on a meeting's agenda (otherwise it awaits a panel date). */
    public static final String ON_AGENDA = "onAgenda";
    /** When the meeting whose agenda the case is on starts. */
    public static final String MEETING_STARTS_AT = "meetingStartsAt";
    /** When the panel's decision is due: {@link PanelService#decisionDue}. */
    public static final String DECISION_DUE_AT = "decisionDueAt";
    /** The panel decision form's decision. */
    public static final String PANEL_DECISION = "panelDecision";

    private PanelProcess() {
    }
}
