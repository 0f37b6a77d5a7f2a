package org.tessa.enquiry;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.audit.AuditLog;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.people.Role;
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
                .map(entry -> mayFollow(reader, entry.link()) ? entry : entry.withoutLink())
                .toList();
        return new Chronology(enquiry, covered, stages.isEmpty() ? Set.of() : shown, entries);
    }

    /**
     * Schools and partners are shown links only to the pages they may open (the enquiry, its signposts and
     * questions, the plan's summary, the case summary); not to panel papers or working screens.
     */
    private static boolean mayFollow(StaffMember reader, String link) {
        return link == null || !(reader.hasRole(Role.SCHOOL) || reader.hasRole(Role.PARTNER))
                || OPEN_TO_SCHOOLS_AND_PARTNERS.matcher(link).matches();
    }

    private static final Pattern OPEN_TO_SCHOOLS_AND_PARTNERS = Pattern.compile(
            "/(enquiries/[^/]+(/signposts|/questions)?|plans/[^/]+/summary|cases/[^/]+)");
}
