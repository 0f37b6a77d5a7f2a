package org.tessa.caserecord;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.people.StaffDirectory;

/**
 * The case record: what happened to each enquiry, appended by the step that made it happen, in that
 * step's transaction, and never changed afterwards. Statuses, the chronology and the figures are read from it.
 */
@Service
public class CaseRecord {

    /** Who TESSA's own steps (timers, portal replies, letters) are recorded as. */
    public static final String SYSTEM = "system";

    private final CaseEventRepository events;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    CaseRecord(CaseEventRepository events, StaffDirectory staff, ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.staff = staff;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Adds an event. It joins the caller's transaction, so the event exists exactly when the step it
     * records does; modules that read state from the record update it before the transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseEvent append(NewCaseEvent event) {
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String byName = nameOf(event.by);
        long id = events.insert(event, at, byName);
        var recorded = new CaseEvent(id, at, event.enquiryReference, event.kind, event.summary, event.by, byName,
                event.audience, event.partnerOrganisationId, Map.copyOf(event.details), event.link);
        publisher.publishEvent(new CaseEventRecorded(recorded));
        return recorded;
    }

    /** Every event about these enquiries, oldest first; access is the caller's to check. */
    @Transactional(readOnly = true)
    public List<CaseEvent> eventsAbout(Collection<String> enquiryReferences) {
        return events.about(enquiryReferences);
    }

    /** Every event about one enquiry, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseEvent> eventsAbout(String enquiryReference) {
        return events.about(List.of(enquiryReference));
    }

    /** Events of one kind since a moment, about any enquiry, oldest first; access is the caller's to check. */
    @Transactional(readOnly = true)
    public List<CaseEvent> recent(CaseEventKind kind, OffsetDateTime since) {
        return events.recent(kind, since);
    }

    private String nameOf(String username) {
        if (SYSTEM.equals(username)) {
            return "TESSA";
        }
        try {
            return staff.loadUserByUsername(username).displayName();
        } catch (UsernameNotFoundException systemOrRetiredAccount) {
            return username;
        }
    }
}
