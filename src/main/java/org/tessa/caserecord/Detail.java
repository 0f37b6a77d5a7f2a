package org.tessa.caserecord;

/** The names of the typed details events carry, written once for the modules that record and read them. */
public final class Detail {

    /** The triage outcome (TriageOutcome's names). */
    public static final String TRIAGE_OUTCOME = "triageOutcome";
    /** The panel's decision (PanelDecisionOutcome's names). */
    public static final String PANEL_DECISION = "panelDecision";
    /** What a plan review decided (PlanReviewOutcome's names). */
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    /** A plan's kind of support: SINGLE_AGENCY or MULTI_AGENCY. */
    public static final String SUPPORT = "support";
    public static final String PLAN_ID = "planId";
    public static final String ACTION_ID = "actionId";
    /** A portal's code. */
    public static final String PORTAL = "portal";
    public static final String PORTAL_NAME = "portalName";
    /** Whether a referral now waits for the portal's decision (the MASH's). */
    public static final String AWAITS_DECISION = "awaitsDecision";
    /** Whether a MASH decision came within its working day. */
    public static final String IN_TIME = "inTime";
    public static final String REASON = "reason";
    /** For {@link CaseEventKind#STATUS_CARRIED_OVER}: the enquiry's status and outcome names. */
    public static final String STATUS = "status";
    public static final String OUTCOME = "outcome";
    /** For {@link CaseEventKind#STATUS_CARRIED_OVER}: a plan's, a panel case's or a signpost's status name. */
    public static final String PLAN_STATUS = "planStatus";
    public static final String PANEL_CASE_STATUS = "panelCaseStatus";
    public static final String SIGNPOST_STATUS = "signpostStatus";

    private Detail() {
    }
}
