package org.tessa.enquiry;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.audit.AuditLog;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.people.StaffMember;

/**
 * A child's chronology, as Working Together to Safeguard Children expects one: every event about the
 * child, across every enquiry about them that the reader may read, in date order. Each reader sees only
 * the events meant for them (see {@link CaseEventKind}), and each enquiry it draws on is an audited read.
 */
@Service
public class Chronologies {

    private final EnquiryService enquiries;
    private final CaseRecord caseRecord;
    private final AuditLog audit;

    Chronologies(EnquiryService enquiries, CaseRecord caseRecord, AuditLog audit) {
        this.enquiries = enquiries;
        this.caseRecord = caseRecord;
        this.audit = audit;
    }

    /**
     * @param stages the parts of the pathway to show; empty for all of them
     */
    @Transactional
    public Chronology of(String reference, StaffMember reader, Set<CaseEventKind.Stage> stages) {
        EnquiryRecord enquiry = enquiries.read(reference, reader, "Read the chronology");
        List<String> covered = enquiries.aboutTheSameChild(enquiry).stream().map(EarlierEnquiry::reference)
                .filter(other -> other.equals(reference) || enquiries.mayRead(reader, other))
                .sorted().toList();
        covered.stream().filter(other -> !other.equals(reference)).forEach(other ->
                audit.recordRead(reader.getUsername(), EnquiryService.RECORD_TYPE, other, "Chronology of " + reference));
        Set<CaseEventKind.Stage> shown = stages.isEmpty() ? EnumSet.allOf(CaseEventKind.Stage.class) : EnumSet.copyOf(stages);
        List<ChronologyEntry> entries = caseRecord.eventsAbout(covered).stream()
                .filter(event -> event.visibleTo(reader))
                .filter(event -> shown.contains(event.kind().stage()))
                .map(ChronologyEntry::of)
                .toList();
        return new Chronology(enquiry, covered, stages.isEmpty() ? Set.of() : shown, entries);
    }
}
