package org.tessa.caserecord;

import java.util.Set;

/**
 * Everything that can happen to an enquiry, in the order of the pathway, with who may see it by default.
 * This table is the one statement of the chronology's visibility: a school never sees the panel's
 * deliberations, and a partner organisation sees the plan and its own actions only.
 */
public enum CaseEventKind {
    ENQUIRY_RECEIVED(Stage.ENQUIRY, "Enquiry received", Audience.SCHOOL_AND_COUNCIL),
    INFORMATION_ADDED(Stage.ENQUIRY, "Information added by the school", Audience.SCHOOL_AND_COUNCIL),
    ENQUIRY_WITHDRAWN(Stage.ENQUIRY, "Enquiry withdrawn", Audience.SCHOOL_AND_COUNCIL),
    CASE_NOTE_ADDED(Stage.NOTES, "Case note", Audience.COUNCIL),
    LETTER_SENT(Stage.LETTERS, "Letter to the referrer", Audience.SCHOOL_AND_COUNCIL),
    /** The council's retention schedule removed who the child was and what was written; the events stay. */
    RECORD_ANONYMISED(Stage.ENQUIRY, "Anonymised under the retention schedule", Audience.SCHOOL_AND_COUNCIL),
    /** Written once, by migration, for enquiries logged before the case record existed. */
    STATUS_CARRIED_OVER(Stage.ENQUIRY, "Status carried over", Audience.COUNCIL),

    TRIAGE_CLAIMED(Stage.TRIAGE, "Triage started", Audience.COUNCIL),
    TRIAGE_RETURNED(Stage.TRIAGE, "Triage put back in the queue", Audience.COUNCIL),
    TRIAGE_DECIDED(Stage.TRIAGE, "Triage decision", Audience.SCHOOL_AND_COUNCIL),

    SIGNPOST_MADE(Stage.SIGNPOSTING, "Signposted", Audience.SCHOOL_AND_COUNCIL),
    GUIDANCE_GIVEN(Stage.SIGNPOSTING, "Guidance given", Audience.SCHOOL_AND_COUNCIL),
    REFERRAL_SENT(Stage.SIGNPOSTING, "Referral sent", Audience.SCHOOL_AND_COUNCIL),
    MASH_REFERRAL_REQUESTED(Stage.SIGNPOSTING, "MASH referral to make", Audience.COUNCIL),
    MASH_REFERRAL_CONFIRMED(Stage.SIGNPOSTING, "MASH referral made", Audience.SCHOOL_AND_COUNCIL),
    MASH_DECISION_OVERDUE(Stage.SIGNPOSTING, "MASH decision overdue", Audience.COUNCIL),
    MASH_DECISION_CHASED(Stage.SIGNPOSTING, "MASH decision chased", Audience.COUNCIL),
    MASH_DECISION_RECEIVED(Stage.SIGNPOSTING, "MASH decision", Audience.SCHOOL_AND_COUNCIL),
    SIGNPOSTING_COMPLETED(Stage.SIGNPOSTING, "Signposting complete", Audience.SCHOOL_AND_COUNCIL),

    PLACED_ON_AGENDA(Stage.PANEL, "Placed on a panel agenda", Audience.COUNCIL),
    AWAITING_PANEL_DATE(Stage.PANEL, "Waiting for a panel date", Audience.COUNCIL),
    QUESTION_ASKED(Stage.PANEL, "Panel asked the school", Audience.SCHOOL_AND_COUNCIL),
    QUESTION_ANSWERED(Stage.PANEL, "School answered the panel", Audience.SCHOOL_AND_COUNCIL),
    PANEL_DECIDED(Stage.PANEL, "Panel decision", Audience.SCHOOL_AND_COUNCIL),
    PANEL_DEFERRED(Stage.PANEL, "Panel deferred the case", Audience.COUNCIL),

    PLAN_DRAFTED(Stage.PLAN, "Plan started", Audience.COUNCIL),
    PLAN_CONFIRMED(Stage.PLAN, "Plan agreed", Audience.EVERYONE),
    PLAN_CHANGED(Stage.PLAN, "Plan changed", Audience.PEOPLE_ON_THE_PLAN),
    PLAN_REVIEWED(Stage.PLAN, "Plan reviewed", Audience.COUNCIL),
    PLAN_SUPERSEDED(Stage.PLAN, "Plan superseded", Audience.EVERYONE),
    PLAN_ENDED(Stage.PLAN, "Plan ended", Audience.EVERYONE),
    PLAN_CLOSED(Stage.PLAN, "Plan closed, outcomes achieved", Audience.EVERYONE),

    ACTION_QUEUED(Stage.PARTNER_ACTIONS, "Action sent to a partner", Audience.PEOPLE_ON_THE_PLAN),
    ACTION_ACCEPTED(Stage.PARTNER_ACTIONS, "Action accepted", Audience.PEOPLE_ON_THE_PLAN),
    ACTION_PROGRESSED(Stage.PARTNER_ACTIONS, "Progress on an action", Audience.PEOPLE_ON_THE_PLAN),
    ACTION_DECLINED(Stage.PARTNER_ACTIONS, "Action declined", Audience.PEOPLE_ON_THE_PLAN),
    ACTION_REASSIGNED(Stage.PARTNER_ACTIONS, "Action reassigned", Audience.PEOPLE_ON_THE_PLAN),
    ACTION_COMPLETED(Stage.PARTNER_ACTIONS, "Action completed", Audience.PEOPLE_ON_THE_PLAN),
    ACTION_OVERDUE(Stage.PARTNER_ACTIONS, "Action overdue", Audience.PEOPLE_ON_THE_PLAN),
    ACTION_CHASED(Stage.PARTNER_ACTIONS, "Overdue action chased", Audience.PEOPLE_ON_THE_PLAN),
    ACTION_CANCELLED(Stage.PARTNER_ACTIONS, "Action cancelled", Audience.PEOPLE_ON_THE_PLAN),

    /** A step passed its due date and its team's managers were told. */
    WORK_ESCALATED(Stage.OVERSIGHT, "Escalated to a manager", Audience.COUNCIL),
    /** A manager moved work to another person or back to its team, with a reason. */
    WORK_TRANSFERRED(Stage.OVERSIGHT, "Work moved by a manager", Audience.COUNCIL);

    private final Stage stage;
    private final String label;
    private final Set<Audience> audience;

    CaseEventKind(Stage stage, String label, Set<Audience> audience) {
        this.stage = stage;
        this.label = label;
        this.audience = audience;
    }

    public Stage stage() {
        return stage;
    }

    public String label() {
        return label;
    }

    /** Who sees events of this kind unless the step that records one says otherwise. */
    public Set<Audience> audience() {
        return audience;
    }

    /** The parts of the pathway, for filtering a chronology. */
    public enum Stage {
        ENQUIRY("The enquiry"),
        TRIAGE("Triage"),
        SIGNPOSTING("Signposting"),
        PANEL("Ways Forward Panel (WFP)"),
        PLAN("Plans"),
        PARTNER_ACTIONS("Partner actions"),
        NOTES("Case notes"),
        OVERSIGHT("Management oversight"),
        LETTERS("Letters");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
