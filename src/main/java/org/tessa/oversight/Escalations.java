package org.tessa.oversight;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.NewCaseEvent;
import org.tessa.people.StaffDirectory;
import org.tessa.shared.Outbox;
import org.tessa.shared.OverdueWork;
import org.tessa.shared.PageDates;

/**
 * What slips is escalated once: the managers of the team that owns it (and the whole service's) get an email,
 * and the case record says so. Each escalation is written in the transaction that posts its letters, keyed by
 * the item, so however many nodes look, an item is escalated once and its letters are sent once (the outbox).
 */
@Service
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    private static final int TOLD_LENGTH = 1000;

    private final Drift drift;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final CaseRecord caseRecord;
    private final PageDates dates;
    private final JdbcClient jdbc;
    private final TransactionTemplate eachItem;
    private final Clock clock;

    Escalations(Drift drift, StaffDirectory staff, Outbox outbox, CaseRecord caseRecord, PageDates dates,
            JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.drift = drift;
        this.staff = staff;
        this.outbox = outbox;
        this.caseRecord = caseRecord;
        this.dates = dates;
        this.jdbc = jdbc;
        this.eachItem = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tessa.escalation.check-every}", initialDelayString = "${tessa.escalation.check-every}")
    void onSchedule() {
        escalateOverdue();
    }

    /** Escalates every overdue item not escalated before; answers how many it escalated. */
    int escalateOverdue() {
        int escalated = 0;
        for (OverdueWork.Item item : drift.overdue()) {
            try {
                if (Boolean.TRUE.equals(eachItem.execute(status -> escalate(item)))) {
                    escalated++;
                }
            } catch (DuplicateKeyException escalatedByAnotherNode) {
                log.debug("{} was escalated by another node", item.key());
            }
        }
        return escalated;
    }

    private boolean escalate(OverdueWork.Item item) {
        List<String> managers = staff.managerEmails(item.team());
        String told = managers.isEmpty() ? "nobody: no manager has an email address" : String.join(", ", managers);
        int inserted = jdbc.sql("""
                insert into escalation (item_key, enquiry_reference, escalated_at, told)
                select ?, ?, ?, ? where not exists (select 1 from escalation where item_key = ?)""")
                .params(item.key(), item.enquiryReference(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        told.length() > TOLD_LENGTH ? told.substring(0, TOLD_LENGTH) : told, item.key())
                .update();
        if (inserted == 0) {
            return false;
        }
        if (managers.isEmpty()) {
            log.warn("{} is overdue and no manager has an email address to be told", item.key());
        }
        String holder = item.owner() != null ? staff.nameOf(item.owner())
                : "nobody yet: it is waiting in the " + item.teamName() + " queue";
        managers.forEach(manager -> outbox.post(manager, (item.enquiryReference() == null ? "" : "[" + item.enquiryReference() + "] ")
                + "Overdue: " + item.what(), letter(item, holder)));
        if (item.enquiryReference() != null) {
            caseRecord.append(NewCaseEvent.of(item.enquiryReference(), CaseEventKind.WORK_ESCALATED, null,
                    item.what() + " was due " + dates.dateAndTime(item.due()) + " and is overdue; "
                            + (managers.isEmpty() ? "no manager could be told" : "the managers were told"))
                    .detail("item", item.key()).detail("team", item.team()).detail("holder", item.owner()));
        }
        return true;
    }

    private String letter(OverdueWork.Item item, String holder) {
        return """
                This is overdue in TESSA:

                %s%s
                Due: %s
                Held by: %s
                Team: %s

                It is on the drift list in TESSA, where you can see everything overdue and move work to someone \
                who can do it.""".formatted(item.what(),
                item.enquiryReference() == null ? "" : " (enquiry " + item.enquiryReference() + ")",
                dates.dateAndTime(item.due()), holder, item.teamName() == null ? "none" : item.teamName());
    }
}
