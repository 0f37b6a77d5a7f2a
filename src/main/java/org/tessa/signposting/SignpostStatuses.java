package org.tessa.signposting;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tessa.caserecord.CaseEvent;
import org.tessa.caserecord.CaseEventRecorded;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.Detail;

/**
 * Where each signpost stands, read from the case record: the {@code status} and {@code decision_overdue}
 * columns of {@code signpost} are a projection of the events that name its portal, written in the
 * transaction that adds one.
 */
@Component
class SignpostStatuses {

    private final CaseRecord caseRecord;
    private final JdbcClient jdbc;

    SignpostStatuses(CaseRecord caseRecord, JdbcClient jdbc) {
        this.caseRecord = caseRecord;
        this.jdbc = jdbc;
    }

    record Derived(SignpostStatus status, boolean decisionOverdue) {
    }

    @EventListener
    void eventRecorded(CaseEventRecorded recorded) {
        String portal = recorded.event().detail(Detail.PORTAL);
        if (portal == null) {
            return;
        }
        String reference = recorded.event().enquiryReference();
        Derived derived = derive(caseRecord.eventsAbout(reference).stream()
                .filter(event -> portal.equals(event.detail(Detail.PORTAL))).toList());
        jdbc.sql("update signpost set status = ?, decision_overdue = ? where enquiry_reference = ? and portal_code = ?")
                .params(derived.status().name(), derived.decisionOverdue(), reference, portal).update();
    }

    static Derived derive(List<CaseEvent> aboutTheSignpost) {
        SignpostStatus status = SignpostStatus.PLANNED;
        boolean overdue = false;
        for (CaseEvent event : aboutTheSignpost) {
            switch (event.kind()) {
                case STATUS_CARRIED_OVER -> {
                    if (event.detail(Detail.SIGNPOST_STATUS) != null) {
                        status = SignpostStatus.valueOf(event.detail(Detail.SIGNPOST_STATUS));
                        overdue = Boolean.parseBoolean(event.detail("decisionOverdue"));
                    }
                }
                case SIGNPOST_MADE -> status = SignpostStatus.PLANNED;
                case GUIDANCE_GIVEN -> status = SignpostStatus.GUIDANCE_GIVEN;
                case REFERRAL_SENT -> status = Boolean.parseBoolean(event.detail(Detail.AWAITS_DECISION))
                        ? SignpostStatus.AWAITING_DECISION : SignpostStatus.REFERRAL_SENT;
                case MASH_REFERRAL_REQUESTED -> status = SignpostStatus.AWAITING_MASH_CONFIRMATION;
                case MASH_REFERRAL_CONFIRMED -> status = SignpostStatus.AWAITING_DECISION;
                case MASH_DECISION_OVERDUE -> overdue = true;
                case MASH_DECISION_RECEIVED -> status = SignpostStatus.DECIDED;
                default -> {
                    // Other events about the portal (a chase) do not move the signpost.
                }
            }
        }
        return new Derived(status, overdue);
    }
}
