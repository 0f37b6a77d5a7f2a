package org.tessa.enquiry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tessa.audit.AuditLog;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.NewCaseEvent;
import org.tessa.people.Role;
import org.tessa.people.School;
import org.tessa.people.StaffDirectory;
import org.tessa.people.StaffMember;
import org.tessa.shared.ColumnSizes;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.RecordNotFoundException;
import org.tessa.shared.WorkingDayCalendar;

/** Takes in enquiries, shows them to the people entitled to see them, and moves them along the pathway. */
@Service
public class EnquiryService {

    static final String RECORD_TYPE = "ENQUIRY";

    private final EnquiryRepository enquiries;
    private final ReferenceNumbers referenceNumbers;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final WorkingDayCalendar calendar;
    private final TriageTimescale triageTimescale;
    private final AuditLog audit;
    private final Validator validator;
    private final List<EnquiryAccessGrant> grants;
    private final CaseRecord caseRecord;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ColumnSizes columns;

    /** Before this, a date of birth is a slip of the keyboard (years like 1 or -999999999), not a child's. */
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    EnquiryService(EnquiryRepository enquiries, ReferenceNumbers referenceNumbers, StaffDirectory staff,
            RuntimeService runtime, WorkingDayCalendar calendar, TriageTimescale triageTimescale, AuditLog audit,
            Validator validator, List<EnquiryAccessGrant> grants, CaseRecord caseRecord,
            PlatformTransactionManager transactionManager, Clock clock, ColumnSizes columns) {
        this.columns = columns;
        this.caseRecord = caseRecord;
        this.transactions = new TransactionTemplate(transactionManager);
        this.grants = grants;
        this.enquiries = enquiries;
        this.referenceNumbers = referenceNumbers;
        this.staff = staff;
        this.runtime = runtime;
        this.calendar = calendar;
        this.triageTimescale = triageTimescale;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Saves the enquiry and starts its {@code tessa-enquiry} process in one transaction: both exist or
     * neither does. The reference number is taken first, in its own short transaction, so that a request
     * never holds two database connections at once (under load, requests each holding one and waiting for
     * a second would exhaust the pool). A repeated idempotency key returns the enquiry the first request logged.
     */
    public LoggedEnquiry log(NewEnquiry submitted, StaffMember loggedBy, Channel defaultChannel,
            Optional<String> idempotencyKey) {
        if (!loggedBy.hasRole(Role.SCHOOL) && !loggedBy.hasRole(Role.DUTY_MANAGER)) {
            throw new AccessDeniedException("Only school staff and duty managers log enquiries");
        }
        idempotencyKey.ifPresent(key -> columns.require("enquiry", "idempotency_key", "Idempotency-Key",
                "The Idempotency-Key header", key));
        Optional<String> earlier = idempotencyKey
                .flatMap(key -> enquiries.referenceForIdempotencyKey(loggedBy.getUsername(), key));
        if (earlier.isPresent()) {
            EnquiryRecord record = enquiries.find(earlier.get()).orElseThrow();
            return new LoggedEnquiry(record.reference(), record.status(), true);
        }
        NewEnquiry enquiry = EnquiryNormaliser.normalise(submitted);
        validate(enquiry);
        School school = schoolFor(enquiry, loggedBy);
        Channel channel = enquiry.channel() != null ? enquiry.channel() : defaultChannel;
        OffsetDateTime receivedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String reference = nextReference(receivedAt);
        return transactions.execute(status -> {
            enquiries.insert(reference, school, enquiry, channel, EnquiryStatus.AWAITING_TRIAGE, receivedAt,
                    loggedBy.getUsername(), idempotencyKey.orElse(null));
            audit.recordChange(loggedBy.getUsername(), RECORD_TYPE, reference, "Logged enquiry (" + channel.label() + ")");
            caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.ENQUIRY_RECEIVED, loggedBy.getUsername(),
                    "Enquiry received from " + school.name() + " (" + channel.label() + ")").detail("channel", channel)
                    .link("/enquiries/" + reference));
            runtime.startProcessInstanceByKey(EnquiryProcess.PROCESS_KEY, reference, Variables.createVariables()
                    .putValue(EnquiryProcess.ENQUIRY_REFERENCE, reference)
                    .putValue(EnquiryProcess.IMMEDIATE_RISK, enquiry.immediateRisk())
                    .putValue(EnquiryProcess.TRIAGE_DUE, Date.from(triageTimescale.dueFor(receivedAt.toInstant(), enquiry.immediateRisk()))));
            return new LoggedEnquiry(reference, EnquiryStatus.AWAITING_TRIAGE, false);
        });
    }

    /** The enquiry, if {@code reader} may see it; the read is written to the audit log with its purpose. */
    @Transactional
    public EnquiryRecord read(String reference, StaffMember reader, String purpose) {
        EnquiryRecord record = enquiries.find(reference)
                .orElseThrow(() -> new RecordNotFoundException("Enquiry " + reference));
        if (!mayRead(reader, record)) {
            audit.recordRefusal(reader.getUsername(), RECORD_TYPE, reference, "Refused: " + purpose);
            throw new RecordNotFoundException("Enquiry " + reference);
        }
        audit.recordRead(reader.getUsername(), RECORD_TYPE, reference, purpose);
        return record;
    }

    /**
     * The enquiry for TESSA's own processes (a referral to a portal, for example), audited under the
     * name of the process step that read it.
     */
    @Transactional
    public EnquiryRecord readForProcess(String reference, String step) {
        EnquiryRecord record = enquiries.find(reference)
                .orElseThrow(() -> new RecordNotFoundException("Enquiry " + reference));
        audit.recordRead("system", RECORD_TYPE, reference, step);
        return record;
    }

    /** What decides whether an enquiry may be shared: the risk the school reported and the family's consent. */
    @Transactional(readOnly = true)
    public SharingPosition sharingPosition(String reference) {
        return enquiries.find(reference)
                .map(record -> new SharingPosition(record.immediateRisk(), record.consent()))
                .orElseThrow(() -> new RecordNotFoundException("Enquiry " + reference));
    }

    /**
     * Earlier enquiries about the same child (see {@link ChildMatching}), for council staff only: a school
     * never learns of another school's enquiries this way. Each earlier enquiry shown is an audited read.
     */
    @Transactional
    public KnownChild knownChild(String reference, StaffMember reader) {
        EnquiryRecord enquiry = read(reference, reader, "Known child check");
        if (!mayReadAll(reader)) {
            return new KnownChild(List.of(), false);
        }
        List<EarlierEnquiry> earlier = aboutTheSameChild(enquiry).stream()
                .filter(candidate -> candidate.receivedAt().isBefore(enquiry.receivedAt()))
                .toList();
        earlier.forEach(found -> audit.recordRead(reader.getUsername(), RECORD_TYPE, found.reference(),
                "Known child check for " + reference));
        OffsetDateTime yearBefore = enquiry.receivedAt().minusMonths(ReceivedEnquiries.RE_REFERRAL_MONTHS);
        return new KnownChild(earlier, earlier.stream().anyMatch(found -> found.receivedAt().isAfter(yearBefore)));
    }

    /** Every enquiry about the child this one is about, itself included, newest first, by {@link ChildMatching}. */
    List<EarlierEnquiry> aboutTheSameChild(EnquiryRecord enquiry) {
        if (enquiry.anonymisedAt() != null) {
            // Nobody is left to match: the enquiry stands alone.
            return List.of(new EarlierEnquiry(enquiry.reference(), enquiry.school().name(), enquiry.receivedAt(),
                    enquiry.status(), enquiry.outcome()));
        }
        var child = new ChildMatching.ChildOnRecord(enquiry.child().firstName(), enquiry.child().lastName(),
                enquiry.child().dateOfBirth(), enquiry.child().upn(), enquiry.school().id());
        return enquiries.possiblySameChild(child.dateOfBirth(), child.upn()).stream()
                .filter(candidate -> candidate.enquiry().reference().equals(enquiry.reference())
                        || ChildMatching.sameChild(child, candidate.child()))
                .map(EnquiryRepository.Candidate::enquiry)
                .toList();
    }

    /** What a task list shows about the enquiry, for TESSA's own work list (not a person's read of the record). */
    @Transactional(readOnly = true)
    public java.util.Optional<TaskCard> taskCard(String reference) {
        return enquiries.taskCard(reference);
    }

    /** The kinds of concern the school raised, for routing suggestions. */
    @Transactional(readOnly = true)
    public Set<Concern> concernsOf(String reference) {
        return enquiries.find(reference).map(EnquiryRecord::concerns)
                .orElseThrow(() -> new RecordNotFoundException("Enquiry " + reference));
    }

    /** The enquiries the reader may see, newest first; the listing is audited, with how many it showed. */
    @Transactional
    public List<EnquirySummary> list(StaffMember reader, String purpose) {
        List<EnquirySummary> shown;
        String scope;
        if (reader.hasRole(Role.SCHOOL)) {
            shown = enquiries.summaries(reader.schoolId());
            scope = "school " + reader.schoolId().orElseThrow();
        } else {
            shown = mayReadAll(reader) ? enquiries.summaries(Optional.empty()) : List.of();
            scope = "all";
        }
        audit.recordListing(reader.getUsername(), RECORD_TYPE, scope, purpose + ": " + shown.size() + " enquiries");
        return shown;
    }

    /** Whether {@code reader} may read the enquiry: the same rule as {@link #read}, without reading it. */
    boolean mayRead(StaffMember reader, String reference) {
        return enquiries.find(reference).filter(found -> mayRead(reader, found)).isPresent();
    }

    private boolean mayRead(StaffMember reader, EnquiryRecord enquiry) {
        if (reader.hasRole(Role.SCHOOL)) {
            return reader.schoolId().filter(own -> own == enquiry.school().id()).isPresent();
        }
        return mayReadAll(reader) || grants.stream().anyMatch(grant -> grant.grants(reader, enquiry.reference()));
    }

    private static boolean mayReadAll(StaffMember reader) {
        return reader.hasRole(Role.DUTY_MANAGER) || reader.hasRole(Role.PANEL_MEMBER) || reader.hasRole(Role.ADMIN)
                || reader.hasRole(Role.MANAGER);
    }

    /** What is wrong with an enquiry against the rules of {@link NewEnquiry}, without saving anything. */
    public List<FieldProblem> problemsWith(NewEnquiry enquiry) {
        Set<ConstraintViolation<NewEnquiry>> violations = validator.validate(EnquiryNormaliser.normalise(enquiry));
        List<FieldProblem> problems = new java.util.ArrayList<>(violations.stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList());
        LocalDate born = enquiry.child() == null ? null : enquiry.child().dateOfBirth();
        if (born != null && born.isBefore(EARLIEST_BIRTH)) {
            problems.add(new FieldProblem("child.dateOfBirth",
                    "Check the date of birth: it must be a real date in the past, like 2015-03-27"));
        }
        problems.sort(Comparator.comparing(FieldProblem::field));
        return List.copyOf(problems);
    }

    private void validate(NewEnquiry enquiry) {
        List<FieldProblem> problems = problemsWith(enquiry);
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
    }

    private School schoolFor(NewEnquiry enquiry, StaffMember loggedBy) {
        if (loggedBy.hasRole(Role.SCHOOL)) {
            School own = staff.school(loggedBy.schoolId().orElseThrow()).orElseThrow();
            if (enquiry.schoolUrn() != null && !enquiry.schoolUrn().equals(own.urn())) {
                throw new InvalidSubmissionException("schoolUrn", "You can only log enquiries for your own school");
            }
            return own;
        }
        if (enquiry.schoolUrn() == null) {
            throw new InvalidSubmissionException("schoolUrn", "Select the school the call is from");
        }
        return staff.activeSchoolByUrn(enquiry.schoolUrn())
                .orElseThrow(() -> new InvalidSubmissionException("schoolUrn", "There is no open school with that URN"));
    }

    private String nextReference(OffsetDateTime receivedAt) {
        int year = calendar.dateOf(receivedAt.toInstant()).getYear();
        try {
            return referenceNumbers.next(year);
        } catch (ReferenceNumbers.ReferenceRace race) {
            return referenceNumbers.next(year);
        }
    }
}
