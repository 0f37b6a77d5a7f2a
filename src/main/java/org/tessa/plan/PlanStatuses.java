package org.tessa.plan;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tessa.caserecord.CaseEvent;
import org.tessa.caserecord.CaseEventRecorded;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.Detail;

/**
 * Where each plan stands, read from the case record: the {@code status} column of {@code support_plan} is
 * a projection of the events that name the plan, written in the transaction that adds one.
 */
@Component
class PlanStatuses {

    private final CaseRecord caseRecord;
    private final JdbcClient jdbc;

    PlanStatuses(CaseRecord caseRecord, JdbcClient jdbc) {
        this.caseRecord = caseRecord;
        this.jdbc = jdbc;
    }

    @EventListener
    void eventRecorded(CaseEventRecorded recorded) {
        String planId = recorded.event().detail(Detail.PLAN_ID);
        if (planId != null) {
            List<CaseEvent> aboutThePlan = caseRecord.eventsAbout(recorded.event().enquiryReference()).stream()
                    .filter(event -> planId.equals(event.detail(Detail.PLAN_ID))).toList();
            jdbc.sql("update support_plan set status = ? where id = ?")
                    .params(derive(aboutThePlan).name(), Long.parseLong(planId)).update();
        }
    }

    static PlanStatus derive(List<CaseEvent> aboutThePlan) {
        PlanStatus status = PlanStatus.DRAFT;
        for (CaseEvent event : aboutThePlan) {
            status = switch (event.kind()) {
                case STATUS_CARRIED_OVER -> PlanStatus.valueOf(event.detail(Detail.PLAN_STATUS));
                case PLAN_CONFIRMED -> PlanStatus.CONFIRMED;
                case PLAN_REVIEWED -> "BACK_TO_PANEL".equals(event.detail(Detail.REVIEW_OUTCOME))
                        ? PlanStatus.RETURNED_TO_PANEL : status;
                case PLAN_SUPERSEDED -> PlanStatus.SUPERSEDED;
                case PLAN_ENDED -> PlanStatus.ENDED;
                case PLAN_CLOSED -> PlanStatus.CLOSED;
                default -> status;
            };
        }
        return status;
    }
}
