package org.tessa.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tessa.caserecord.CaseEventKind.ACTION_COMPLETED;
import static org.tessa.caserecord.CaseEventKind.ACTION_QUEUED;
import static org.tessa.caserecord.CaseEventKind.ENQUIRY_RECEIVED;
import static org.tessa.caserecord.CaseEventKind.ENQUIRY_WITHDRAWN;
import static org.tessa.caserecord.CaseEventKind.GUIDANCE_GIVEN;
import static org.tessa.caserecord.CaseEventKind.INFORMATION_ADDED;
import static org.tessa.caserecord.CaseEventKind.MASH_DECISION_OVERDUE;
import static org.tessa.caserecord.CaseEventKind.MASH_DECISION_RECEIVED;
import static org.tessa.caserecord.CaseEventKind.MASH_REFERRAL_CONFIRMED;
import static org.tessa.caserecord.CaseEventKind.PANEL_DECIDED;
import static org.tessa.caserecord.CaseEventKind.PANEL_DEFERRED;
import static org.tessa.caserecord.CaseEventKind.PLACED_ON_AGENDA;
import static org.tessa.caserecord.CaseEventKind.PLAN_CLOSED;
import static org.tessa.caserecord.CaseEventKind.PLAN_CONFIRMED;
import static org.tessa.caserecord.CaseEventKind.PLAN_DRAFTED;
import static org.tessa.caserecord.CaseEventKind.PLAN_ENDED;
import static org.tessa.caserecord.CaseEventKind.PLAN_REVIEWED;
import static org.tessa.caserecord.CaseEventKind.PLAN_SUPERSEDED;
import static org.tessa.caserecord.CaseEventKind.REFERRAL_SENT;
import static org.tessa.caserecord.CaseEventKind.SIGNPOSTING_COMPLETED;
import static org.tessa.caserecord.CaseEventKind.SIGNPOST_MADE;
import static org.tessa.caserecord.CaseEventKind.STATUS_CARRIED_OVER;
import static org.tessa.caserecord.CaseEventKind.TRIAGE_CLAIMED;
import static org.tessa.caserecord.CaseEventKind.TRIAGE_DECIDED;
import static org.tessa.caserecord.CaseEventKind.TRIAGE_RETURNED;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.tessa.caserecord.CaseEvent;
import org.tessa.caserecord.CaseEventKind;

/**
 * The status a school sees, derived from the case record, for every path through the four processes:
 * tessa-enquiry (advice, signposting, panel, withdrawal), portal-signpost (guidance, referral, the MASH in
 * time and late), ways-forward-panel (no further action, deferral, support, review, back to the panel) and
 * partner-action (whose events never move the enquiry).
 */
class EnquiryStatusesTest {

    private final List<CaseEvent> record = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Test
    void anEnquiryWaitsForTriageAndIsInTriageWhileADutyManagerHoldsIt() {
        happened(ENQUIRY_RECEIVED);
        assertStatus(EnquiryStatus.AWAITING_TRIAGE, null);
        happened(TRIAGE_CLAIMED);
        assertStatus(EnquiryStatus.IN_TRIAGE, null);
        happened(TRIAGE_RETURNED);
        assertStatus(EnquiryStatus.AWAITING_TRIAGE, null);
        happened(INFORMATION_ADDED);
        assertStatus(EnquiryStatus.AWAITING_TRIAGE, null);
    }

    @Test
    void adviceClosesTheEnquiry() {
        happened(ENQUIRY_RECEIVED, TRIAGE_CLAIMED);
        happened(TRIAGE_DECIDED, Map.of("triageOutcome", "ADVICE_GIVEN"));
        assertStatus(EnquiryStatus.CLOSED, EnquiryOutcome.ADVICE_GIVEN);
    }

    @Test
    void aWithdrawnEnquiryStaysWithdrawn() {
        happened(ENQUIRY_RECEIVED, TRIAGE_CLAIMED, ENQUIRY_WITHDRAWN);
        assertStatus(EnquiryStatus.WITHDRAWN, null);
    }

    @Test
    void signpostingByGuidanceOrReferralClosesWhenEverySignpostIsDone() {
        happened(ENQUIRY_RECEIVED);
        happened(TRIAGE_DECIDED, Map.of("triageOutcome", "SIGNPOSTED"));
        happened(SIGNPOST_MADE, SIGNPOST_MADE, GUIDANCE_GIVEN, REFERRAL_SENT);
        assertStatus(EnquiryStatus.SIGNPOSTED, null);
        happened(SIGNPOSTING_COMPLETED);
        assertStatus(EnquiryStatus.CLOSED, EnquiryOutcome.SIGNPOSTED);
    }

    @Test
    void aLateMashDecisionShowsAsOverdueUntilItArrives() {
        happened(ENQUIRY_RECEIVED);
        happened(TRIAGE_DECIDED, Map.of("triageOutcome", "SIGNPOSTED"));
        happened(SIGNPOST_MADE, MASH_REFERRAL_CONFIRMED);
        happened(MASH_DECISION_OVERDUE, Map.of("portal", "MASH", "portalName", "MASH (multi-agency safeguarding hub)"));
        assertThat(derived().overdueReason()).isEqualTo("Decision from MASH (multi-agency safeguarding hub) overdue");
        assertStatus(EnquiryStatus.SIGNPOSTED, null);
        happened(MASH_DECISION_RECEIVED, Map.of("portal", "MASH", "inTime", "false"));
        assertThat(derived().overdueReason()).isNull();
        happened(SIGNPOSTING_COMPLETED);
        assertStatus(EnquiryStatus.CLOSED, EnquiryOutcome.SIGNPOSTED);
    }

    @Test
    void thePanelDecidesNoFurtherActionAfterADeferral() {
        referredToPanel();
        happened(PLACED_ON_AGENDA, PANEL_DEFERRED, PLACED_ON_AGENDA);
        assertStatus(EnquiryStatus.AWAITING_PANEL, null);
        happened(PANEL_DECIDED, Map.of("panelDecision", "NO_FURTHER_ACTION"));
        assertStatus(EnquiryStatus.CLOSED, EnquiryOutcome.NO_FURTHER_ACTION);
    }

    @Test
    void aSingleAgencyPlanClosesAsSingleAgencySupport() {
        referredToPanel();
        happened(PANEL_DECIDED, Map.of("panelDecision", "SINGLE_AGENCY"));
        happened(PLAN_DRAFTED);
        assertStatus(EnquiryStatus.PLAN_IN_PROGRESS, null);
        happened(PLAN_CONFIRMED);
        happened(PLAN_REVIEWED, Map.of("reviewOutcome", "CONTINUE"));
        assertStatus(EnquiryStatus.PLAN_IN_PROGRESS, null);
        happened(PLAN_REVIEWED, Map.of("reviewOutcome", "CLOSE_ACHIEVED"));
        happened(PLAN_CLOSED, Map.of("support", "SINGLE_AGENCY"));
        assertStatus(EnquiryStatus.CLOSED, EnquiryOutcome.SINGLE_AGENCY);
    }

    @Test
    void aMultiAgencyPlanGoesBackToThePanelAndIsReplacedThenClosesAsMultiAgencySupport() {
        referredToPanel();
        happened(PANEL_DECIDED, Map.of("panelDecision", "MULTI_AGENCY"));
        happened(PLAN_DRAFTED, PLAN_CONFIRMED, ACTION_QUEUED, ACTION_COMPLETED);
        assertStatus(EnquiryStatus.PLAN_IN_PROGRESS, null);
        happened(PLAN_REVIEWED, Map.of("reviewOutcome", "BACK_TO_PANEL"));
        assertStatus(EnquiryStatus.AWAITING_PANEL, null);
        happened(PLACED_ON_AGENDA);
        happened(PANEL_DECIDED, Map.of("panelDecision", "MULTI_AGENCY"));
        happened(PLAN_SUPERSEDED, PLAN_DRAFTED, PLAN_CONFIRMED);
        assertStatus(EnquiryStatus.PLAN_IN_PROGRESS, null);
        happened(PLAN_CLOSED, Map.of("support", "MULTI_AGENCY"));
        assertStatus(EnquiryStatus.CLOSED, EnquiryOutcome.MULTI_AGENCY);
    }

    @Test
    void aPlanBackWithThePanelEndsWithNoFurtherAction() {
        referredToPanel();
        happened(PANEL_DECIDED, Map.of("panelDecision", "MULTI_AGENCY"));
        happened(PLAN_DRAFTED, PLAN_CONFIRMED);
        happened(PLAN_REVIEWED, Map.of("reviewOutcome", "BACK_TO_PANEL"));
        happened(PANEL_DECIDED, Map.of("panelDecision", "NO_FURTHER_ACTION"));
        happened(PLAN_ENDED);
        assertStatus(EnquiryStatus.CLOSED, EnquiryOutcome.NO_FURTHER_ACTION);
    }

    @Test
    void anEnquiryFromBeforeTheCaseRecordKeepsTheStatusItHad() {
        happened(ENQUIRY_RECEIVED);
        happened(STATUS_CARRIED_OVER, Map.of("status", "PLAN_IN_PROGRESS"));
        assertStatus(EnquiryStatus.PLAN_IN_PROGRESS, null);
        happened(PLAN_CLOSED, Map.of("support", "MULTI_AGENCY"));
        assertStatus(EnquiryStatus.CLOSED, EnquiryOutcome.MULTI_AGENCY);
    }

    private void referredToPanel() {
        happened(ENQUIRY_RECEIVED, TRIAGE_CLAIMED);
        happened(TRIAGE_DECIDED, Map.of("triageOutcome", "REFER_TO_PANEL"));
        assertStatus(EnquiryStatus.AWAITING_PANEL, null);
    }

    private void happened(CaseEventKind... kinds) {
        for (CaseEventKind kind : kinds) {
            happened(kind, Map.of());
        }
    }

    private void happened(CaseEventKind kind, Map<String, String> details) {
        record.add(new CaseEvent(ids.incrementAndGet(), OffsetDateTime.now(), "TES-2026-000001", kind, kind.label(),
                "someone", "Someone", kind.audience(), null, details, null));
    }

    private EnquiryStatuses.Derived derived() {
        return EnquiryStatuses.derive(record);
    }

    private void assertStatus(EnquiryStatus status, EnquiryOutcome outcome) {
        assertThat(derived().status()).isEqualTo(status);
        assertThat(derived().outcome()).isEqualTo(outcome);
    }
}
