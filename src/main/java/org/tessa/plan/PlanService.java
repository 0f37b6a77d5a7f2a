package org.tessa.plan;

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
import org.springframework.context.ApplicationEventPublisher;
import org.tessa.audit.AuditLog;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.Detail;
import org.tessa.caserecord.NewCaseEvent;
import org.tessa.enquiry.ReferrerResponses;
import org.tessa.people.PartnerDirectory;
import org.tessa.people.PartnerOrganisation;
import org.tessa.people.Role;
import org.tessa.people.StaffMember;
import org.tessa.shared.ConflictException;
import org.tessa.shared.ColumnSizes;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.FullDates;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.RecordNotFoundException;
import org.tessa.shared.WorkingDayCalendar;

/**
 * Bespoke plans: written after the panel decides on support, confirmed only when complete (owned, dated
 * actions, a review date and a contingency), then reviewed until the outcomes are achieved or the case
 * goes back to the panel. Plans are never deleted: when the panel decides again the plan in force is
 * superseded and stays readable with its actions and reviews, and a plan that ends cancels the actions it
 * still had open.
 */
@Service
public class PlanService {

    /** Reviews fall due at the start of the working day. */
    static final LocalTime REVIEW_TIME = LocalTime.of(9, 0);

    private final JdbcClient jdbc;
    private final ReferrerResponses responses;
    private final RuntimeService runtime;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final PartnerDirectory partners;
    private final ApplicationEventPublisher events;
    private final CaseRecord caseRecord;
    private final Clock clock;
    private final ColumnSizes columns;

    PlanService(JdbcClient jdbc, ReferrerResponses responses, RuntimeService runtime, WorkingDayCalendar calendar,
            AuditLog audit, PartnerDirectory partners, ApplicationEventPublisher events, CaseRecord caseRecord,
            Clock clock, ColumnSizes columns) {
        this.columns = columns;
        this.partners = partners;
        this.events = events;
        this.caseRecord = caseRecord;
        this.jdbc = jdbc;
        this.responses = responses;
        this.runtime = runtime;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The panel decided on support: a new plan is started. A plan still in force (the panel decided again
     * after a review sent the case back) is superseded, and its open actions are cancelled.
     */
    @Transactional
    public void startDraft(String reference, SupportKind kind, String agency, String leadProfessional, String decidedBy) {
        find(reference).filter(Plan::inForce).ifPresent(current -> finish(current, PlanStatus.SUPERSEDED,
                "The Ways Forward Panel agreed a new plan", decidedBy));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into support_plan (enquiry_reference, kind, agency, lead_professional, status)
                values (?, ?, ?, ?, ?)""")
                .params(reference, kind.name(), agency, leadProfessional, PlanStatus.DRAFT.name()).update(keys, "id");
        caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.PLAN_DRAFTED, decidedBy,
                "A plan is being written: " + kind.label()).detail(Detail.PLAN_ID, keys.getKey().longValue())
                .detail(Detail.SUPPORT, kind).link(planLink(reference)));
    }

    /** The panel ended the case (no further action): a plan still in force ends with it. */
    @Transactional
    public void end(String reference, String reason, String by) {
        find(reference).filter(Plan::inForce).ifPresent(current -> finish(current, PlanStatus.ENDED, reason, by));
    }

    /** The enquiry's current plan: the latest, whatever its status. */
    @Transactional(readOnly = true)
    public Optional<Plan> find(String reference) {
        return plans("select * from support_plan where enquiry_reference = ? order by id desc", reference).stream()
                .findFirst();
    }

    /** Every plan the enquiry has had, the current one first: superseded plans stay readable. */
    @Transactional(readOnly = true)
    public List<Plan> history(String reference) {
        return plans("select * from support_plan where enquiry_reference = ? order by id desc", reference);
    }

    /** The plans a lead professional leads that are still in progress. */
    @Transactional(readOnly = true)
    public List<Plan> ledBy(String username) {
        return jdbc.sql("select * from support_plan where lead_professional = ? and status = ? order by id")
                .params(username, PlanStatus.CONFIRMED.name()).query((rs, row) -> plan(rs)).list();
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
        List<FieldProblem> problems = detailsProblems(outcomesSought, summaryForChild, contingency);
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        jdbc.sql("""
                update support_plan set outcomes_sought = ?, summary_for_child = ?, contingency = ?, review_date = ?
                where id = ?""")
                .params(blankToNull(outcomesSought), blankToNull(summaryForChild), blankToNull(contingency), reviewDate,
                        plan.id())
                .update();
    }

    /** What is wrong with the plan's text, each field in turn, so that a form can show every problem at once. */
    public List<FieldProblem> detailsProblems(String outcomesSought, String summaryForChild, String contingency) {
        List<FieldProblem> problems = new ArrayList<>();
        columns.check(problems, "support_plan", "outcomes_sought", "outcomesSought", "What the plan should achieve", outcomesSought);
        columns.check(problems, "support_plan", "summary_for_child", "summaryForChild", "The summary for the child", summaryForChild);
        columns.check(problems, "support_plan", "contingency", "contingency", "What happens if the plan does not work", contingency);
        return problems;
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
        columns.check(problems, "plan_action", "description", "description", "What will be done", description);
        Optional<PartnerOrganisation> partner = Optional.ofNullable(partnerOrganisationId).flatMap(partners::find)
                .filter(PartnerOrganisation::active);
        if (partnerOrganisationId != null && partner.isEmpty()) {
            problems.add(new FieldProblem("organisation", "Choose an active partner organisation"));
        } else if (partner.isEmpty() && isBlank(organisation)) {
            problems.add(new FieldProblem("organisation", "Choose a partner organisation or name the agency responsible"));
        } else if (partner.isEmpty()) {
            columns.check(problems, "plan_action", "responsible_organisation", "organisation", "The agency's name", organisation);
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
            Plan.Action added = action(keys.getKey().longValue()).orElseThrow().action();
            audit.recordChange(person.getUsername(), "PLAN", reference, "Added an action to the live plan");
            caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.PLAN_CHANGED, person.getUsername(),
                            "Action added to the plan: " + describe(added))
                    .detail(Detail.PLAN_ID, plan.id()).detail(Detail.ACTION_ID, added.id()).link(planLink(reference)));
            events.publishEvent(new PlanActionAdded(reference, added));
        }
    }

    /** Removes an action; on a live plan the organisation's task for it is cancelled. */
    @Transactional
    public void removeAction(String reference, StaffMember person, long actionId) {
        Plan plan = live(reference, person);
        int removed = jdbc.sql("update plan_action set removed = true where id = ? and plan_id = ? and not removed")
                .params(actionId, plan.id()).update();
        if (removed == 1 && plan.status() == PlanStatus.CONFIRMED) {
            Plan.Action action = action(actionId).orElseThrow().action();
            audit.recordChange(person.getUsername(), "PLAN", reference, "Removed action " + actionId + " from the live plan");
            caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.PLAN_CHANGED, person.getUsername(),
                            "Action removed from the plan: " + describe(action))
                    .detail(Detail.PLAN_ID, plan.id()).detail(Detail.ACTION_ID, actionId).link(planLink(reference)));
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
        jdbc.sql("update support_plan set confirmed_by = ?, confirmed_at = ? where id = ?")
                .params(person.getUsername(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), plan.id())
                .update();
        audit.recordChange(person.getUsername(), "PLAN", reference, "Confirmed plan");
        caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.PLAN_CONFIRMED, person.getUsername(),
                        "The plan was agreed, with " + plan.actions().size() + (plan.actions().size() == 1 ? " action" : " actions")
                                + "; its first review is on " + FullDates.date(plan.reviewDate()))
                .detail(Detail.PLAN_ID, plan.id()).link(summaryLink(reference)));
        events.publishEvent(new PlanConfirmed(reference, plan.actions()));
        responses.record(reference, "The plan", PlanLetters.plan(find(reference).orElseThrow()));
        runtime.createMessageCorrelation(PlanProcess.MESSAGE_PLAN_AGREED).processInstanceBusinessKey(reference)
                .setVariable(PlanProcess.PLAN_REVIEW_DUE, Date.from(reviewMoment(plan.reviewDate())))
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
        caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.PLAN_REVIEWED, reviewedBy,
                        "The plan was reviewed: " + outcome.label()
                                + (outcome == PlanReviewOutcome.CONTINUE ? "; next review on " + FullDates.date(nextReviewDate) : ""))
                .detail(Detail.PLAN_ID, plan.id()).detail(Detail.REVIEW_OUTCOME, outcome).link(summaryLink(reference)));
        if (outcome == PlanReviewOutcome.CONTINUE) {
            jdbc.sql("update support_plan set review_date = ? where id = ?").params(nextReviewDate, plan.id()).update();
            return Optional.of(reviewMoment(nextReviewDate));
        }
        if (outcome == PlanReviewOutcome.CLOSE_ACHIEVED) {
            finish(plan, PlanStatus.CLOSED, "The plan achieved its outcomes", reviewedBy);
            responses.record(reference, "The plan is complete", PlanLetters.planClosed(reference));
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
            throw new ConflictException("This plan is " + plan.status().label().toLowerCase(java.util.Locale.UK) + ".");
        }
        return plan;
    }

    private Plan draft(String reference, StaffMember person) {
        Plan plan = forWork(reference, person);
        if (plan.status() != PlanStatus.DRAFT) {
            throw new ConflictException("This plan is confirmed; it changes at its reviews.");
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
                rs.getString("latest_note"), rs.getString("cancelled_reason"));
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
        CaseEventKind kind = switch (status) {
            case ACCEPTED -> CaseEventKind.ACTION_ACCEPTED;
            case DECLINED -> CaseEventKind.ACTION_DECLINED;
            case COMPLETED -> CaseEventKind.ACTION_COMPLETED;
            default -> CaseEventKind.ACTION_PROGRESSED;
        };
        recordAboutAction(found, kind, by, found.action().responsibleOrganisation() + ": " + status.label()
                + (outcome == null ? "" : " (" + outcome.label() + ")") + (isBlank(note) ? "" : ". " + note.strip()));
    }

    /** Someone chased an overdue action: what they did is kept with the action. */
    @Transactional
    public void recordActionChase(long actionId, String note, String by) {
        ActionOnCase found = action(actionId).orElseThrow();
        jdbc.sql("update plan_action set latest_note = ? where id = ?").params("Chased: " + note, actionId).update();
        audit.recordChange(by, "PLAN", found.enquiryReference(), "Chased overdue action " + actionId);
        recordAboutAction(found, CaseEventKind.ACTION_CHASED, by, "Chased the overdue action \u201c"
                + found.action().description() + "\u201d: " + note);
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
        caseRecord.append(NewCaseEvent.of(found.enquiryReference(), CaseEventKind.ACTION_REASSIGNED, by,
                        "The declined action \u201c" + found.action().description() + "\u201d was given to " + organisationName)
                .detail(Detail.ACTION_ID, actionId).forPartner(partnerOrganisationId).link(summaryLink(found.enquiryReference())));
    }

    /** Adds an event about one action, seen by the organisation carrying it out and no other partner. */
    public void recordAboutAction(ActionOnCase found, CaseEventKind kind, String by, String summary) {
        caseRecord.append(NewCaseEvent.of(found.enquiryReference(), kind, by, summary)
                .detail(Detail.ACTION_ID, found.action().id()).forPartner(found.action().partnerOrganisationId())
                .link(summaryLink(found.enquiryReference())));
    }

    /** An action and the enquiry it serves. */
    public record ActionOnCase(String enquiryReference, Plan.Action action) {
    }

    /**
     * Ends a plan for good: its status and reason are kept with it, its open actions are cancelled with the
     * reason, and whoever was carrying them out is stopped and told ({@link PlanEnded}).
     */
    private void finish(Plan plan, PlanStatus status, String reason, String by) {
        jdbc.sql("update support_plan set ended_at = ?, end_reason = ? where id = ?")
                .params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), reason, plan.id())
                .update();
        List<Plan.Action> open = plan.actions().stream().filter(Plan.Action::open).toList();
        for (Plan.Action action : open) {
            jdbc.sql("update plan_action set status = ?, cancelled_reason = ? where id = ?")
                    .params(ActionStatus.CANCELLED.name(), reason, action.id()).update();
            recordAboutAction(new ActionOnCase(plan.enquiryReference(), action), CaseEventKind.ACTION_CANCELLED, by,
                    "Action cancelled, \u201c" + action.description() + "\u201d (" + action.responsibleOrganisation() + "): "
                            + reason);
        }
        CaseEventKind kind = switch (status) {
            case SUPERSEDED -> CaseEventKind.PLAN_SUPERSEDED;
            case CLOSED -> CaseEventKind.PLAN_CLOSED;
            default -> CaseEventKind.PLAN_ENDED;
        };
        caseRecord.append(NewCaseEvent.of(plan.enquiryReference(), kind, by, status.label() + ". " + reason)
                .detail(Detail.PLAN_ID, plan.id()).detail(Detail.SUPPORT, plan.kind()).detail(Detail.REASON, reason)
                .link(summaryLink(plan.enquiryReference())));
        if (plan.status() != PlanStatus.DRAFT && !open.isEmpty()) {
            events.publishEvent(new PlanEnded(plan.enquiryReference(), reason, open));
        }
    }

    private List<Plan> plans(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query((rs, row) -> plan(rs)).list();
    }

    private Plan plan(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("id");
        return new Plan(id, rs.getString("enquiry_reference"), SupportKind.valueOf(rs.getString("kind")),
                rs.getString("agency"), rs.getString("lead_professional"), PlanStatus.valueOf(rs.getString("status")),
                rs.getString("outcomes_sought"), rs.getString("summary_for_child"), rs.getString("contingency"),
                rs.getObject("review_date", LocalDate.class), rs.getString("end_reason"), actions(id), reviews(id));
    }

    private List<Plan.Review> reviews(long planId) {
        return jdbc.sql("""
                select outcome, progress, next_review_date, reviewed_by, reviewed_at from plan_review
                where plan_id = ? order by id""")
                .param(planId)
                .query((rs, row) -> new Plan.Review(PlanReviewOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("progress"), rs.getObject("next_review_date", LocalDate.class),
                        rs.getString("reviewed_by"), rs.getObject("reviewed_at", OffsetDateTime.class)))
                .list();
    }

    private static String describe(Plan.Action action) {
        return "\u201c" + action.description() + "\u201d (" + action.responsibleOrganisation() + ", by "
                + FullDates.date(action.dueDate()) + ")";
    }

    private static String planLink(String reference) {
        return "/plans/" + reference;
    }

    private static String summaryLink(String reference) {
        return "/plans/" + reference + "/summary";
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
