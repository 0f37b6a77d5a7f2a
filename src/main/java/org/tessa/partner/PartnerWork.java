package org.tessa.partner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.plan.ActionOutcome;
import org.tessa.plan.ActionStatus;
import org.tessa.plan.Plan;
import org.tessa.plan.PlanActionAdded;
import org.tessa.plan.PlanActionRemoved;
import org.tessa.plan.PlanConfirmed;
import org.tessa.plan.PlanEnded;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.shared.FullDates;
import org.tessa.plan.PlanService;
import org.tessa.people.PartnerDirectory;
import org.tessa.people.PartnerOrganisation;
import org.tessa.people.StaffMember;
import org.tessa.shared.Outbox;
import org.tessa.shared.WorkingDayCalendar;

/**
 * Plan actions owned by Family Hub partners, in the partners' own queues: started when the plan is
 * confirmed, updated from the partner's form, reassigned after a decline, reminded and chased. Giving an
 * organisation an action lets it read the case ({@link PartnerCaseAccess}).
 */
@Service
public class PartnerWork {

    /** An action is due at the end of the working day on its due date. */
    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final PartnerDirectory partners;
    private final RuntimeService runtime;
    private final WorkingDayCalendar calendar;
    private final Outbox outbox;
    private final Clock clock;

    PartnerWork(JdbcClient jdbc, PlanService plans, PartnerDirectory partners, RuntimeService runtime,
            WorkingDayCalendar calendar, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.partners = partners;
        this.runtime = runtime;
        this.calendar = calendar;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Each action a partner owns becomes a task in that partner's queue, in the plan's transaction. */
    @EventListener
    public void planConfirmed(PlanConfirmed plan) {
        for (Plan.Action action : plan.actions()) {
            if (action.partnerOrganisationId() != null) {
                start(plan.enquiryReference(), action);
            }
        }
    }

    /** An action added to a live plan reaches its organisation's queue too. */
    @EventListener
    public void actionAdded(PlanActionAdded added) {
        if (added.action().partnerOrganisationId() != null) {
            start(added.enquiryReference(), added.action());
        }
    }

    /** An action removed from a live plan: its task is cancelled. */
    @EventListener
    public void actionRemoved(PlanActionRemoved removed) {
        stop(removed.enquiryReference(), removed.actionId(), "Action removed from the plan");
    }

    /**
     * The plan ended: each organisation still carrying out one of its actions stops, its task leaves the
     * queue, and its contact is told why. The action itself stays on the plan, cancelled, with the reason.
     */
    @EventListener
    public void planEnded(PlanEnded ended) {
        for (Plan.Action action : ended.cancelledActions()) {
            if (stop(ended.enquiryReference(), action.id(), ended.reason()) && action.partnerOrganisationId() != null) {
                PartnerOrganisation partner = partners.find(action.partnerOrganisationId()).orElseThrow();
                outbox.post(partner.contactEmail(), "[" + ended.enquiryReference() + "] A plan action is cancelled",
                        PartnerLetters.cancelled(ended.enquiryReference(), action, partner, ended.reason()));
            }
        }
    }

    /** Ends the process carrying out an action, if one is running; its history stays. */
    private boolean stop(String reference, long actionId, String reason) {
        var running = runtime.createProcessInstanceQuery().processDefinitionKey(PartnerActionProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference)
                .variableValueEquals(PartnerActionProcess.ACTION_ID, actionId).list();
        running.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason));
        return !running.isEmpty();
    }

    @Transactional
    public void recordUpdate(long actionId, PartnerUpdate update, String note, ActionOutcome outcome, String by) {
        ActionStatus status = switch (update) {
            case ACCEPTED -> ActionStatus.ACCEPTED;
            case PROGRESS -> ActionStatus.IN_PROGRESS;
            case DECLINED -> ActionStatus.DECLINED;
            case COMPLETED -> ActionStatus.COMPLETED;
        };
        plans.recordActionUpdate(actionId, status, note, outcome, by);
    }

    /** Gives a declined action to another partner; returns the queue it now sits in. */
    @Transactional
    public String reassign(long actionId, long partnerOrganisationId, String by) {
        PartnerOrganisation partner = partners.find(partnerOrganisationId).filter(PartnerOrganisation::active)
                .orElseThrow(() -> new IllegalStateException("No active partner organisation " + partnerOrganisationId));
        plans.reassignAction(actionId, partner.id(), partner.name(), by);
        grantAccess(plans.action(actionId).orElseThrow().enquiryReference(), partner.id());
        return partner.queue();
    }

    /** Records that an action is past its due date, and writes to the organisation's contact. */
    @Transactional
    public void tellOverdue(long actionId) {
        PlanService.ActionOnCase found = plans.action(actionId).orElseThrow();
        plans.recordAboutAction(found, CaseEventKind.ACTION_OVERDUE, null, "\u201c" + found.action().description()
                + "\u201d (" + found.action().responsibleOrganisation() + ") is past its due date, "
                + FullDates.date(found.action().dueDate()));
        email(actionId, "is overdue", PartnerLetters::overdue);
    }

    /** Emails the organisation's contact that an action falls due soon. */
    @Transactional
    public void remind(long actionId) {
        email(actionId, "is due on", PartnerLetters::reminder);
    }

    private void email(long actionId, String what, PartnerLetters.Letter letter) {
        PlanService.ActionOnCase found = plans.action(actionId).orElseThrow();
        Plan.Action action = found.action();
        if (action.status() == ActionStatus.COMPLETED || action.partnerOrganisationId() == null) {
            return;
        }
        PartnerOrganisation partner = partners.find(action.partnerOrganisationId()).orElseThrow();
        outbox.post(partner.contactEmail(), "[" + found.enquiryReference() + "] A plan action " + what + " " + action.dueDate(),
                letter.write(found.enquiryReference(), action, partner));
    }

    private void start(String reference, Plan.Action action) {
        grantAccess(reference, action.partnerOrganisationId());
        plans.recordAboutAction(new PlanService.ActionOnCase(reference, action), CaseEventKind.ACTION_QUEUED, null,
                "\u201c" + action.description() + "\u201d is in the task list of " + action.responsibleOrganisation()
                        + ", due by " + FullDates.date(action.dueDate()));
        Instant due = calendar.endOfWorkingDay(action.dueDate());
        Instant reminder = calendar.subtractWorkingDays(action.dueDate().atTime(REMINDER_TIME).atZone(calendar.zone())
                .toInstant(), 2);
        runtime.startProcessInstanceByKey(PartnerActionProcess.PROCESS_KEY, reference, Variables.createVariables()
                .putValue(PartnerActionProcess.ACTION_ID, action.id())
                .putValue(PartnerActionProcess.PARTNER_QUEUE, StaffMember.partnerQueue(action.partnerOrganisationId()))
                .putValue(PartnerActionProcess.ACTION_DUE, Date.from(due))
                .putValue(PartnerActionProcess.ACTION_REMINDER_AT, Date.from(reminder)));
    }

    private void grantAccess(String reference, long organisationId) {
        long granted = jdbc.sql("select count(*) from partner_case_access where enquiry_reference = ? and organisation_id = ?")
                .params(reference, organisationId).query(Long.class).single();
        if (granted == 0) {
            jdbc.sql("insert into partner_case_access (enquiry_reference, organisation_id, granted_at) values (?, ?, ?)")
                    .params(reference, organisationId, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .update();
        }
    }

    /** What a partner reports on an action; the values of the partner form's {@code partnerUpdate}. */
    public enum PartnerUpdate {
        ACCEPTED, PROGRESS, DECLINED, COMPLETED
    }
}
