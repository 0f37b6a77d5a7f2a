package org.tessa.panel;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tessa.caserecord.CaseEvent;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseEventRecorded;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.Detail;

/**
 * Where a case stands with the panel, read from the case record: the {@code status} column of
 * {@code panel_case} is a projection of its placements and decisions, written in the transaction that
 * adds one.
 */
@Component
class PanelCaseStatuses {

    private static final java.util.Set<CaseEventKind> PANEL_STEPS = java.util.EnumSet.of(
            CaseEventKind.AWAITING_PANEL_DATE, CaseEventKind.PLACED_ON_AGENDA, CaseEventKind.PANEL_DECIDED);

    private final CaseRecord caseRecord;
    private final JdbcClient jdbc;

    PanelCaseStatuses(CaseRecord caseRecord, JdbcClient jdbc) {
        this.caseRecord = caseRecord;
        this.jdbc = jdbc;
    }

    @EventListener
    void eventRecorded(CaseEventRecorded recorded) {
        if (PANEL_STEPS.contains(recorded.event().kind())) {
            String reference = recorded.event().enquiryReference();
            jdbc.sql("update panel_case set status = ? where enquiry_reference = ?")
                    .params(derive(caseRecord.eventsAbout(reference)).name(), reference).update();
        }
    }

    static PanelCaseStatus derive(List<CaseEvent> events) {
        PanelCaseStatus status = PanelCaseStatus.AWAITING_DATE;
        for (CaseEvent event : events) {
            status = switch (event.kind()) {
                case STATUS_CARRIED_OVER -> event.detail(Detail.PANEL_CASE_STATUS) == null ? status
                        : PanelCaseStatus.valueOf(event.detail(Detail.PANEL_CASE_STATUS));
                case AWAITING_PANEL_DATE -> PanelCaseStatus.AWAITING_DATE;
                case PLACED_ON_AGENDA -> PanelCaseStatus.ON_AGENDA;
                case PANEL_DECIDED -> PanelCaseStatus.DECIDED;
                default -> status;
            };
        }
        return status;
    }
}
