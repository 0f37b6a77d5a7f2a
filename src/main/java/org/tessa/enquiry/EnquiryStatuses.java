package org.tessa.enquiry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tessa.caserecord.CaseEvent;
import org.tessa.caserecord.Detail;

/**
 * Where an enquiry stands, read from its case record and nowhere else: the status a school sees, how it
 * ended, and what is late. Other modules record what happened; only this decides what it means here.
 */
final class EnquiryStatuses {

    private EnquiryStatuses() {
    }

    record Derived(EnquiryStatus status, EnquiryOutcome outcome, String overdueReason) {
    }

    static Derived derive(List<CaseEvent> events) {
        EnquiryStatus status = EnquiryStatus.AWAITING_TRIAGE;
        EnquiryOutcome outcome = null;
        Map<String, String> lateDecisions = new LinkedHashMap<>();
        for (CaseEvent event : events) {
            switch (event.kind()) {
                case STATUS_CARRIED_OVER -> {
                    if (event.detail(Detail.STATUS) != null) {
                        status = EnquiryStatus.valueOf(event.detail(Detail.STATUS));
                        outcome = event.detail(Detail.OUTCOME) == null ? null
                                : EnquiryOutcome.valueOf(event.detail(Detail.OUTCOME));
                    }
                }
                case TRIAGE_CLAIMED -> status = status == EnquiryStatus.AWAITING_TRIAGE ? EnquiryStatus.IN_TRIAGE : status;
                case TRIAGE_RETURNED -> status = status == EnquiryStatus.IN_TRIAGE ? EnquiryStatus.AWAITING_TRIAGE : status;
                case TRIAGE_DECIDED -> {
                    switch (event.detail(Detail.TRIAGE_OUTCOME)) {
                        case "ADVICE_GIVEN" -> {
                            status = EnquiryStatus.CLOSED;
                            outcome = EnquiryOutcome.ADVICE_GIVEN;
                        }
                        case "SIGNPOSTED" -> status = EnquiryStatus.SIGNPOSTED;
                        case "REFER_TO_PANEL" -> status = EnquiryStatus.AWAITING_PANEL;
                        default -> throw unknown(event, Detail.TRIAGE_OUTCOME);
                    }
                }
                case SIGNPOSTING_COMPLETED -> {
                    status = EnquiryStatus.CLOSED;
                    outcome = EnquiryOutcome.SIGNPOSTED;
                }
                case MASH_DECISION_OVERDUE -> lateDecisions.put(event.detail(Detail.PORTAL),
                        "Decision from " + event.detail(Detail.PORTAL_NAME) + " overdue");
                case MASH_DECISION_RECEIVED -> lateDecisions.remove(event.detail(Detail.PORTAL));
                case PANEL_DECIDED -> {
                    switch (event.detail(Detail.PANEL_DECISION)) {
                        case "NO_FURTHER_ACTION" -> {
                            status = EnquiryStatus.CLOSED;
                            outcome = EnquiryOutcome.NO_FURTHER_ACTION;
                        }
                        case "SINGLE_AGENCY", "MULTI_AGENCY" -> status = EnquiryStatus.PLAN_IN_PROGRESS;
                        default -> throw unknown(event, Detail.PANEL_DECISION);
                    }
                }
                case PLAN_REVIEWED -> status = "BACK_TO_PANEL".equals(event.detail(Detail.REVIEW_OUTCOME))
                        ? EnquiryStatus.AWAITING_PANEL : status;
                case PLAN_CLOSED -> {
                    status = EnquiryStatus.CLOSED;
                    outcome = EnquiryOutcome.valueOf(event.detail(Detail.SUPPORT));
                }
                case ENQUIRY_WITHDRAWN -> status = EnquiryStatus.WITHDRAWN;
                default -> {
                    // The other events are part of the story without moving the enquiry along.
                }
            }
        }
        boolean ended = status == EnquiryStatus.CLOSED || status == EnquiryStatus.WITHDRAWN;
        String overdue = ended || lateDecisions.isEmpty() ? null : String.join("; ", lateDecisions.values());
        return new Derived(status, outcome, overdue);
    }

    private static IllegalStateException unknown(CaseEvent event, String detail) {
        return new IllegalStateException("Case event " + event.id() + " has an unknown " + detail);
    }
}
