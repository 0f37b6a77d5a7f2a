package org.tessa.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.audit.AuditLog;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.ReferrerResponses;
import org.springframework.context.ApplicationEventPublisher;
import org.tessa.people.PartnerDirectory;
import org.tessa.people.PartnerOrganisation;
import org.tessa.people.Role;
import org.tessa.people.StaffMember;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.RecordNotFoundException;
import org.tessa.shared.WorkingDayCalendar;

/**
 * Bespoke plans: written after the panel decides on support, confirmed only when complete (owned, dated
 * actions, a review date and a contingency), then reviewed until the outcomes are achieved or the case
 * goes back to the panel.
 */
@Service
public class PlanService {

    /** Reviews fall due at the start of the working day. */
    static final LocalTime REVIEW_TIME = LocalTime.of(9, 0);

    private final JdbcClient jdbc;
    private final EnquiryService enquiries;
    private final ReferrerResponses responses;
    private final RuntimeService runtime;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final PanelQuestions questions;
    private final PartnerDirectory partners;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanService(JdbcClient jdbc, EnquiryService enquiries, ReferrerResponses responses, RuntimeService runtime,
            WorkingDayCalendar calendar, AuditLog audit, PanelQuestions questions, PartnerDirectory partners,
            ApplicationEventPublisher events, Clock clock) {
        this.partners = partners;
        this.events = events;
        this.questions = questions;
        this.jdbc = jdbc;
        this.enquiries = enquiries;
        this.responses = responses;
        this.runtime = runtime;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void startDraft(String reference, PanelDecisionOutcome kind, String agency, String leadProfessional) {
        jdbc.sql("delete from plan_action where plan_id in (select id from support_plan where enquiry_reference = ?)")
                .param(reference).update();
        jdbc.sql("delete from plan_review where plan_id in (select id from support_plan where enquiry_reference = ?)")
                .param(reference).update();
        jdbc.sql("delete from support_plan where enquiry_reference = ?").param(reference).update();
        jdbc.sql("""
                insert into support_plan (enquiry_reference, kind, agency, lead_professional, status)
                values (?, ?, ?, ?, ?)""")
                .params(reference, kind.name(), agency, leadProfessional, PlanStatus.DRAFT.name()).update();
    }

    @Transactional(readOnly = true)
    public Optional<Plan> find(String reference) {
        return jdbc.sql("select * from support_plan where enquiry_reference = ?").param(reference)
                .query((rs, row) -> new Plan(rs.getLong("id"), rs.getString("enquiry_reference"),
                        PanelDecisionOutcome.valueOf(rs.getString("kind")), rs.getString("agency"),
                        rs.getString("lead_professional"), PlanStatus.valueOf(rs.getString("status")),
                        rs.getString("outcomes_sought"), rs.getString("summary_for_child"), rs.getString("contingency"),
                        rs.getObject("review_date", LocalDate.class), actions(rs.getLong("id"))))
                .optional();
    }

    /** The plans a lead professional leads that are still in progress. */
    @Transactional(readOnly = true)
    public List<Plan> ledBy(String username) {
        return jdbc.sql("select enquiry_reference from support_plan where lead_professional = ? and status = ? order by id")
                .params(username, PlanStatus.CONFIRMED.name()).query(String.class).list().stream()
                .map(reference -> find(reference).orElseThrow()).toList();
    }

    /** The references of plans still being written, oldest first. */
    @Transactional(readOnly = true)
    public List<String> drafts() {
        return jdbc.sql("select enquiry_reference from support_plan where status = ? order by id")
                .param(PlanStatus.DRAFT.name()).query(String.class).list();
    }

    /** The plan, if {@code person} may work on it: panel members, administrators and its lead professional. */
    @Transactional
    public Plan forWork(String reference, StaffMember person) {
        Plan plan = find(reference).filter(found -> mayWorkOn(found, person))
                .orElseThrow(() -> new RecordNotFoundException("Plan for " + reference));
        audit.recordRead(person.getUsername(), "PLAN", reference, "Worked on plan");
        return plan;
    }

    @Transactional
    public void updateDetails(String reference, StaffMember person, String outcomesSought, String summaryForChild,
            String contingency, LocalDate reviewDate) {
        Plan plan = draft(reference, person);
        jdbc.sql("""
                update support_plan set outcomes_sought = ?, summary_for_child = ?, contingency = ?, review_date = ?
                where id = ?""")
                .params(blankToNull(outcomesSought), blankToNull(summaryForChild), blankToNull(contingency), reviewDate,
                        plan.id())
                .update();
    }

    /**
     * Adds an action: what will be done, the organisation responsible (a Family Hub partner, whose queue
     * it will reach, or another agency by name), and when by.
     */
    @Transactional
    public void addAction(String reference, StaffMember person, String description, String organisation,
            Long partnerOrganisationId, LocalDate due) {
        Plan plan = live(reference, person);
        List<FieldProblem> problems = new ArrayList<>();
        if (isBlank(description)) {
            problems.add(new FieldProblem("description", "Say specifically what will be done"));
        }
        Optional<PartnerOrganisation> partner = Optional.ofNullable(partnerOrganisationId).flatMap(partners::find)
                .filter(PartnerOrganisation::active);
        if (partnerOrganisationId != null && partner.isEmpty()) {
            problems.add(new FieldProblem("organisation", "Choose an active partner organisation"));
        } else if (partner.isEmpty() && isBlank(organisation)) {
            problems.add(new FieldProblem("organisation", "Choose a partner organisation or name the agency responsible"));
        }
        if (due == null) {
            problems.add(new FieldProblem("dueDate", "Enter a real due date, like 27 3 2027"));
        } else if (due.isBefore(calendar.today())) {
            problems.add(new FieldProblem("dueDate", "The due date must be today or later"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into plan_action (plan_id, description, responsible_organisation, partner_organisation_id, due_date)
                values (?, ?, ?, ?, ?)""")
                .params(plan.id(), description.strip(), partner.map(PartnerOrganisation::name).orElseGet(() -> organisation.strip()),
                        partner.map(PartnerOrganisation::id).orElse(null), due)
                .update(keys, "id");
        if (plan.status() == PlanStatus.CONFIRMED) {
            audit.recordChange(person.getUsername(), "PLAN", reference, "Added an action to the live plan");
            events.publishEvent(new PlanActionAdded(reference, action(keys.getKey().longValue()).orElseThrow().action()));
        }
    }

    /** Removes an action; on a live plan the organisation's task for it is cancelled. */
    @Transactional
    public void removeAction(String reference, StaffMember person, long actionId) {
        Plan plan = live(reference, person);
        int removed = jdbc.sql("update plan_action set removed = true where id = ? and plan_id = ? and not removed")
                .params(actionId, plan.id()).update();
        if (removed == 1 && plan.status() == PlanStatus.CONFIRMED) {
            audit.recordChange(person.getUsername(), "PLAN", reference, "Removed action " + actionId + " from the live plan");
            events.publishEvent(new PlanActionRemoved(reference, actionId));
        }
    }

    /**
     * Confirms the plan and lets the process go on to its reviews. Refused, with every gap listed, unless
     * it has at least one owned and dated action, a review date, a contingency and a summary for the child.
     */
    @Transactional
    public void confirm(String reference, StaffMember person) {
        Plan plan = draft(reference, person);
        List<FieldProblem> problems = new ArrayList<>();
        if (plan.actions().isEmpty()) {
            problems.add(new FieldProblem("description", "Add at least one action, with who does it and by when"));
        }
        if (plan.reviewDate() == null || !plan.reviewDate().isAfter(calendar.today())) {
            problems.add(new FieldProblem("reviewDay", "Set a review date in the future"));
        }
        if (isBlank(plan.contingency())) {
            problems.add(new FieldProblem("contingency", "Say what happens if the plan does not work"));
        }
        if (isBlank(plan.summaryForChild())) {
            problems.add(new FieldProblem("summaryForChild", "Write the summary to the child"));
        }
        if (isBlank(plan.outcomesSought())) {
            problems.add(new FieldProblem("outcomesSought", "Say what the plan should achieve for the child"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        jdbc.sql("update support_plan set status = ?, confirmed_by = ?, confirmed_at = ? where id = ?")
                .params(PlanStatus.CONFIRMED.name(), person.getUsername(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        plan.id())
                .update();
        audit.recordChange(person.getUsername(), "PLAN", reference, "Confirmed plan");
        events.publishEvent(new PlanConfirmed(reference, plan.actions()));
        responses.record(reference, "The plan", PanelLetters.plan(find(reference).orElseThrow()));
        runtime.createMessageCorrelation(PanelProcess.MESSAGE_PLAN_AGREED).processInstanceBusinessKey(reference)
                .setVariable(PanelProcess.PLAN_REVIEW_DUE, Date.from(reviewMoment(plan.reviewDate())))
                .correlate();
    }

    /**
     * Records a review. CONTINUE sets the next review date; CLOSE_ACHIEVED closes the plan and the enquiry;
     * BACK_TO_PANEL returns the case to the panel.
     *
     * @return when the next review is due, for CONTINUE
     */
    @Transactional
    public Optional<Instant> recordReview(String reference, PlanReviewOutcome outcome, String progress,
            LocalDate nextReviewDate, String reviewedBy) {
        Plan plan = find(reference).orElseThrow();
        if (outcome == PlanReviewOutcome.CONTINUE && !nextReviewDate.isAfter(calendar.today())) {
            throw new InvalidSubmissionException("nextReviewDate", "The next review date must be in the future");
        }
        jdbc.sql("""
                insert into plan_review (plan_id, outcome, progress, next_review_date, reviewed_by, reviewed_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(plan.id(), outcome.name(), progress, nextReviewDate, reviewedBy,
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        audit.recordChange(reviewedBy, "PLAN", reference, "Reviewed plan: " + outcome);
        switch (outcome) {
            case CONTINUE -> {
                jdbc.sql("update support_plan set review_date = ? where id = ?").params(nextReviewDate, plan.id()).update();
                return Optional.of(reviewMoment(nextReviewDate));
            }
            case CLOSE_ACHIEVED -> {
                setStatus(plan, PlanStatus.CLOSED);
                questions.withdrawOpen(reference);
                enquiries.closeAfterPlan(reference, plan.kind() == PanelDecisionOutcome.MULTI_AGENCY);
                responses.record(reference, "The plan is complete", PanelLetters.planClosed(reference));
            }
            case BACK_TO_PANEL -> {
                setStatus(plan, PlanStatus.RETURNED_TO_PANEL);
                enquiries.referredToPanel(reference);
            }
        }
        return Optional.empty();
    }

    /** Who reviews the plan: its lead professional, if it names one. */
    @Transactional(readOnly = true)
    public Optional<String> reviewer(String reference) {
        return find(reference).map(Plan::leadProfessional);
    }

    private boolean mayWorkOn(Plan plan, StaffMember person) {
        return person.hasRole(Role.PANEL_MEMBER) || person.hasRole(Role.ADMIN)
                || person.getUsername().equals(plan.leadProfessional());
    }

    /** A plan whose actions may change: being written, or in progress (changed at its reviews). */
    private Plan live(String reference, StaffMember person) {
        Plan plan = forWork(reference, person);
        if (plan.status() != PlanStatus.DRAFT && plan.status() != PlanStatus.CONFIRMED) {
            throw new org.tessa.shared.ConflictException("This plan is closed.");
        }
        return plan;
    }

    private Plan draft(String reference, StaffMember person) {
        Plan plan = forWork(reference, person);
        if (plan.status() != PlanStatus.DRAFT) {
            throw new org.tessa.shared.ConflictException("This plan is confirmed; it changes at its reviews.");
        }
        return plan;
    }

    private List<Plan.Action> actions(long planId) {
        return jdbc.sql("select * from plan_action where plan_id = ? and not removed order by due_date, id")
                .param(planId).query((rs, row) -> action(rs)).list();
    }

    private static Plan.Action action(java.sql.ResultSet rs) throws java.sql.SQLException {
        String outcome = rs.getString("outcome");
        return new Plan.Action(rs.getLong("id"), rs.getString("description"), rs.getString("responsible_organisation"),
                rs.getObject("partner_organisation_id", Long.class), rs.getObject("due_date", LocalDate.class),
                ActionStatus.valueOf(rs.getString("status")), outcome == null ? null : ActionOutcome.valueOf(outcome),
                rs.getString("latest_note"));
    }

    /** One action, with the reference of the enquiry its plan belongs to. */
    @Transactional(readOnly = true)
    public Optional<ActionOnCase> action(long actionId) {
        return jdbc.sql("""
                select a.*, p.enquiry_reference from plan_action a join support_plan p on p.id = a.plan_id
                where a.id = ?""")
                .param(actionId)
                .query((rs, row) -> new ActionOnCase(rs.getString("enquiry_reference"), action(rs)))
                .optional();
    }

    /** What the organisation doing an action reported: accepted, progress, declined or completed. */
    @Transactional
    public void recordActionUpdate(long actionId, ActionStatus status, String note, ActionOutcome outcome, String by) {
        ActionOnCase found = action(actionId).orElseThrow();
        jdbc.sql("update plan_action set status = ?, latest_note = ?, outcome = ? where id = ?")
                .params(status.name(), note, outcome == null ? null : outcome.name(), actionId).update();
        audit.recordChange(by, "PLAN", found.enquiryReference(), "Action " + actionId + ": " + status);
    }

    /** Someone chased an overdue action: what they did is kept with the action. */
    @Transactional
    public void recordActionChase(long actionId, String note, String by) {
        ActionOnCase found = action(actionId).orElseThrow();
        jdbc.sql("update plan_action set latest_note = ? where id = ?").params("Chased: " + note, actionId).update();
        audit.recordChange(by, "PLAN", found.enquiryReference(), "Chased overdue action " + actionId);
    }

    /** The lead professional gives a declined action to another partner organisation. */
    @Transactional
    public void reassignAction(long actionId, long partnerOrganisationId, String organisationName, String by) {
        ActionOnCase found = action(actionId).orElseThrow();
        jdbc.sql("""
                update plan_action set partner_organisation_id = ?, responsible_organisation = ?, status = ?
                where id = ?""")
                .params(partnerOrganisationId, organisationName, ActionStatus.AGREED.name(), actionId).update();
        audit.recordChange(by, "PLAN", found.enquiryReference(), "Action " + actionId + " given to " + organisationName);
    }

    /** An action and the enquiry it serves. */
    public record ActionOnCase(String enquiryReference, Plan.Action action) {
    }

    private void setStatus(Plan plan, PlanStatus status) {
        jdbc.sql("update support_plan set status = ? where id = ?").params(status.name(), plan.id()).update();
    }

    private Instant reviewMoment(LocalDate date) {
        return date.atTime(REVIEW_TIME).atZone(calendar.zone()).toInstant();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
