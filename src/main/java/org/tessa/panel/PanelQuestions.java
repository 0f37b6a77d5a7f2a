package org.tessa.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.context.event.EventListener;
import org.tessa.audit.AuditLog;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseEventRecorded;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.NewCaseEvent;
import org.tessa.enquiry.EnquiryNotice;
import org.tessa.enquiry.EnquiryService;
import org.tessa.people.Role;
import org.tessa.people.StaffMember;
import org.tessa.shared.ConflictException;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.OverdueWork;
import org.tessa.shared.Timescales;

/**
 * The panel asks the school for more information; the school answers on its own view of the enquiry,
 * the answer joins the case papers, and the panel's process goes on meanwhile. One question is open at a time.
 */
@Service
public class PanelQuestions implements EnquiryNotice, OverdueWork {

    /** The timescale (tessa.timescales.working-days) a school has to answer in. */
    static final String ANSWER_TIMESCALE = "answer-panel-question";
    /** The most characters of a question and of an answer, once the spaces around them are stripped. */
    static final int QUESTION_LENGTH = 2000;
    static final int ANSWER_LENGTH = 5000;

    private final JdbcClient jdbc;
    private final EnquiryService enquiries;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final CaseRecord caseRecord;
    private final Timescales timescales;
    private final Clock clock;

    PanelQuestions(JdbcClient jdbc, EnquiryService enquiries, RuntimeService runtime, AuditLog audit,
            CaseRecord caseRecord, Timescales timescales, Clock clock) {
        this.timescales = timescales;
        this.caseRecord = caseRecord;
        this.jdbc = jdbc;
        this.enquiries = enquiries;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void ask(String reference, String question, StaffMember panelMember) {
        enquiries.read(reference, panelMember, "Asked the school a question");
        String asked = question == null ? "" : question.strip();
        if (asked.isEmpty() || asked.length() > QUESTION_LENGTH) {
            throw new InvalidSubmissionException("question", "Write the question for the school, in up to 2,000 characters");
        }
        if (questionsAbout(reference).stream().anyMatch(PanelQuestion::open)) {
            throw new ConflictException("The school has not yet answered the panel's last question.");
        }
        OffsetDateTime askedAt = now();
        jdbc.sql("""
                insert into panel_question (enquiry_reference, question, asked_by, asked_at, due_at)
                values (?, ?, ?, ?, ?)""")
                .params(reference, asked, panelMember.getUsername(), askedAt,
                        timescales.dueFrom(askedAt.toInstant(), ANSWER_TIMESCALE).atOffset(ZoneOffset.UTC))
                .update();
        caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.QUESTION_ASKED, panelMember.getUsername(),
                "The panel asked the school: " + asked).link("/enquiries/" + reference + "/questions"));
        runtime.createMessageCorrelation(PanelProcess.MESSAGE_INFORMATION_REQUESTED)
                .processInstanceBusinessKey(reference).correlate();
    }

    /** The school's answer joins the case papers, and the process stops waiting for it. */
    @Transactional
    public void answer(String reference, String answer, StaffMember schoolStaff) {
        enquiries.read(reference, schoolStaff, "Answered the panel's question");
        PanelQuestion open = questionsAbout(reference).stream().filter(PanelQuestion::open).findFirst()
                .orElseThrow(() -> new ConflictException("There is no open question from the panel."));
        String answered = answer == null ? "" : answer.strip();
        if (answered.isEmpty() || answered.length() > ANSWER_LENGTH) {
            throw new InvalidSubmissionException("answer", "Write your answer, in up to 5,000 characters");
        }
        jdbc.sql("update panel_question set answer = ?, answered_by = ?, answered_at = ? where id = ?")
                .params(answered, schoolStaff.getUsername(), now(), open.id()).update();
        audit.recordChange(schoolStaff.getUsername(), "ENQUIRY", reference, "Answered the panel's question");
        caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.QUESTION_ANSWERED, schoolStaff.getUsername(),
                "The school answered the panel: " + answered).link("/enquiries/" + reference + "/questions"));
        runtime.createMessageCorrelation(PanelProcess.MESSAGE_SCHOOL_ANSWERED).processInstanceBusinessKey(reference)
                .correlate();
    }

    /** The case is closed: an open question is no longer needed. */
    @Transactional
    public void withdrawOpen(String reference) {
        jdbc.sql("update panel_question set withdrawn = true where enquiry_reference = ? and answer is null")
                .param(reference).update();
    }

    /** A plan that closes ends the case: the panel no longer needs its answer. */
    @EventListener
    void caseEventRecorded(CaseEventRecorded recorded) {
        if (recorded.event().kind() == CaseEventKind.PLAN_CLOSED) {
            withdrawOpen(recorded.event().enquiryReference());
        }
    }

    @Transactional(readOnly = true)
    public List<PanelQuestion> questionsAbout(String reference) {
        return jdbc.sql("select * from panel_question where enquiry_reference = ? order by id").param(reference)
                .query(PanelQuestion.class).list();
    }

    @Override
    public List<Notice> noticesFor(String enquiryReference, StaffMember reader) {
        if (!reader.hasRole(Role.SCHOOL) || questionsAbout(enquiryReference).stream().noneMatch(PanelQuestion::open)) {
            return List.of();
        }
        return List.of(new Notice("The Ways Forward Panel (WFP) has asked you a question about this enquiry.",
                "/enquiries/" + enquiryReference + "/questions"));
    }

    /** """uestions the school has not answered by their due date: the school owns them. */
    @Override
    public List<Item> overdueAt(Instant now) {
        return jdbc.sql("""
                select id, enquiry_reference, due_at from panel_question
                where answer is null and withdrawn = false and due_at < ? order by due_at, id""")
                .param(now.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> {
                    String reference = rs.getString("enquiry_reference");
                    var card = enquiries.taskCard(reference).orElseThrow();
                    return new Item("question:" + rs.getLong("id"), null, "School's answer to the panel's question", reference,
                            card.childName(), null, "school:" + card.schoolName(), card.schoolName(),
                            rs.getObject("due_at", OffsetDateTime.class).toInstant(), "/panel/cases/" + reference);
                }).list();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
