package org.tessa.oversight;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.audit.AuditLog;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.TaskCard;
import org.tessa.people.StaffDirectory;
import org.tessa.people.StaffMember;
import org.tessa.shared.OverdueWork;
import org.tessa.shared.WorkingDayCalendar;

/**
 * The drift list: every open item past its due date, of every kind of work ({@link OverdueWork}), oldest first,
 * with who holds it, the team that owns it and how many working days late it is.
 */
@Service
public class Drift {

    private final List<OverdueWork> kindsOfWork;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final EnquiryService enquiries;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    Drift(List<OverdueWork> kindsOfWork, AuditLog audit, StaffDirectory staff, EnquiryService enquiries,
            WorkingDayCalendar calendar, Clock clock) {
        this.audit = audit;
        this.kindsOfWork = kindsOfWork;
        this.staff = staff;
        this.enquiries = enquiries;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * One overdue item.
     *
     * @param owner             who holds it, by name; null while it waits in its team's queue
     * @param team              the team that owns it, by name; null for work held by one person outside a team
     * @param workingDaysLate   working days begun since it was due: 0 if it fell due earlier today
     * @param taskId            the task, if the item is one: a manager can move it to someone else
     */
    public record Entry(String key, String taskId, String what, String enquiryReference, String childName,
            String owner, String team, Instant due, long workingDaysLate, String link) {
    }

    /** Everything overdue now, oldest first, as {@code reader} sees it: the listing is audited (it names children). */
    @Transactional
    public List<Entry> shownTo(StaffMember reader) {
        List<Entry> entries = overdue().stream().map(this::entry).toList();
        audit.recordListing(reader.getUsername(), "ENQUIRY", "drift list", "Drift list: " + entries.size() + " items");
        return entries;
    }

    /** How many items are overdue now, in all and by the team that owns them (its queue or school or portal). */
    public record Counts(long total, Map<String, Long> byTeam) {
    }

    /** The drift list counted, naming nobody, so not audited. */
    @Transactional(readOnly = true)
    public Counts counts() {
        List<OverdueWork.Item> items = overdue();
        Map<String, Long> byTeam = new java.util.HashMap<>();
        items.stream().filter(item -> item.team() != null).forEach(item -> byTeam.merge(item.team(), 1L, Long::sum));
        return new Counts(items.size(), byTeam);
    }

    /** The raw items, oldest first, for escalation. */
    @Transactional(readOnly = true)
    List<OverdueWork.Item> overdue() {
        Instant now = clock.instant();
        return kindsOfWork.stream().flatMap(kind -> kind.overdueAt(now).stream())
                .sorted(Comparator.comparing(OverdueWork.Item::due).thenComparing(OverdueWork.Item::key)).toList();
    }

    private Entry entry(OverdueWork.Item item) {
        String childName = item.childName() != null || item.enquiryReference() == null ? item.childName()
                : enquiries.taskCard(item.enquiryReference()).map(TaskCard::childName).orElse(null);
        return new Entry(item.key(), item.taskId(), item.what(), item.enquiryReference(), childName,
                item.owner() == null ? null : staff.nameOf(item.owner()), item.teamName(), item.due(),
                calendar.workingDaysAfter(item.due(), clock.instant()), item.link());
    }
}
