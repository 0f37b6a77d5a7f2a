package org.tessa.enquiry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.caserecord.CaseEvent;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.Detail;
import org.tessa.caserecord.NewCaseEvent;
import org.tessa.people.Role;
import org.tessa.people.StaffMember;
import org.tessa.shared.ConflictException;
import org.tessa.shared.InvalidSubmissionException;

/**
 * What happens to an open enquiry after it is logged: the school adds what it learns or withdraws it,
 * and council staff and the lead professional add case notes. Each joins the case record.
 */
@Service
public class EnquiryUpdates {

    static final int MAX_TEXT = 5000;
    static final String HELD_BY = "heldBy";

    private final EnquiryService enquiries;
    private final CaseRecord caseRecord;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Clock clock;

    EnquiryUpdates(EnquiryService enquiries, CaseRecord caseRecord, RuntimeService runtime, TaskService tasks,
            Clock clock) {
        this.enquiries = enquiries;
        this.caseRecord = caseRecord;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The school tells TESSA something it learnt after raising the enquiry; whoever holds the case sees it. */
    @Transactional
    public CaseEvent addInformation(String reference, String text, StaffMember schoolStaff) {
        EnquiryRecord enquiry = enquiries.read(reference, schoolStaff, "Added information");
        if (!schoolStaff.hasRole(Role.SCHOOL)) {
            throw new AccessDeniedException("Only the school that raised an enquiry adds information to it");
        }
        String information = required(text, "text", "Write what you have learnt since you raised the enquiry");
        if (ended(enquiry)) {
            throw new ConflictException("This enquiry is " + enquiry.status().label().toLowerCase()
                    + ", so information can no longer be added to it. If you are worried again, raise a new enquiry.");
        }
        return caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.INFORMATION_ADDED, schoolStaff.getUsername(),
                information).link("/enquiries/" + reference));
    }

    /** A case note by council staff or the lead professional; schools and partners do not see it. */
    @Transactional
    public CaseEvent addCaseNote(String reference, String text, StaffMember author) {
        EnquiryRecord enquiry = enquiries.read(reference, author, "Added a case note");
        if (author.hasRole(Role.SCHOOL) || author.hasRole(Role.PARTNER)) {
            throw new AccessDeniedException("Case notes are written by council staff and lead professionals");
        }
        String note = required(text, "text", "Write the case note");
        if (enquiry.anonymisedAt() != null) {
            // Retention runs once: a note written now would keep words about the child that nothing removes.
            throw new ConflictException("This enquiry was anonymised under the council's retention schedule, so "
                    + "nothing more can be written on it.");
        }
        return caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.CASE_NOTE_ADDED, author.getUsername(), note));
    }

    /**
     * The school withdraws an enquiry that is still waiting for triage or in triage: the triage task ends,
     * the record is kept, and the duty manager who held it sees why in their task list. Anything further
     * along is refused with the reason, because services may already be acting on it.
     */
    @Transactional
    public void withdraw(String reference, String reason, StaffMember schoolStaff) {
        EnquiryRecord enquiry = enquiries.read(reference, schoolStaff, "Withdrew the enquiry");
        if (!schoolStaff.hasRole(Role.SCHOOL)) {
            throw new AccessDeniedException("Only the school that raised an enquiry withdraws it");
        }
        String why = required(reason, "reason", "Say why you are withdrawing the enquiry");
        if (enquiry.status() != EnquiryStatus.AWAITING_TRIAGE && enquiry.status() != EnquiryStatus.IN_TRIAGE) {
            throw new ConflictException(whyNotWithdrawn(enquiry));
        }
        Optional<String> heldBy = Optional.ofNullable(tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(EnquiryProcess.TASK_TRIAGE_ENQUIRY).singleResult()).map(Task::getAssignee);
        caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.ENQUIRY_WITHDRAWN, schoolStaff.getUsername(),
                "The school withdrew the enquiry: " + why).detail(HELD_BY, heldBy.orElse(null)).detail(Detail.REASON, why)
                .link("/enquiries/" + reference));
        try {
            runtime.createMessageCorrelation(EnquiryProcess.MESSAGE_ENQUIRY_WITHDRAWN)
                    .processInstanceBusinessKey(reference).correlate();
        } catch (MismatchingMessageCorrelationException triagedMeanwhile) {
            throw new ConflictException("A duty manager has just triaged this enquiry, so it cannot be withdrawn.");
        }
    }

    /** Enquiries withdrawn in the last week while {@code dutyManager} held their triage. */
    @Transactional(readOnly = true)
    public List<CaseEvent> withdrawnWhileHeldBy(String dutyManager) {
        return caseRecord.recent(CaseEventKind.ENQUIRY_WITHDRAWN, OffsetDateTime.now(clock).minusDays(7)).stream()
                .filter(event -> dutyManager.equals(event.detail(HELD_BY))).toList();
    }

    /** What the school has added to the enquiry since it raised it, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseEvent> addedInformation(String reference) {
        return caseRecord.eventsAbout(reference).stream()
                .filter(event -> event.kind() == CaseEventKind.INFORMATION_ADDED).toList();
    }

    private static boolean ended(EnquiryRecord enquiry) {
        return enquiry.status() == EnquiryStatus.CLOSED || enquiry.status() == EnquiryStatus.WITHDRAWN;
    }

    private static String whyNotWithdrawn(EnquiryRecord enquiry) {
        return switch (enquiry.status()) {
            case CLOSED, WITHDRAWN -> "This enquiry is already " + enquiry.status().label().toLowerCase()
                    + ", so there is nothing to withdraw.";
            default -> "This enquiry has been triaged (" + enquiry.status().label().toLowerCase()
                    + "), so services may already be acting on it and it cannot be withdrawn. Add information to it, "
                    + "or call the duty team, to tell them what has changed.";
        };
    }

    private static String required(String text, String field, String whatToWrite) {
        if (text == null || text.isBlank()) {
            throw new InvalidSubmissionException(field, whatToWrite);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidSubmissionException(field, "Remove the hidden control character (NUL) from the text");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new InvalidSubmissionException(field, "Write no more than 5,000 characters; you wrote "
                    + text.strip().length());
        }
        return text.strip();
    }
}
