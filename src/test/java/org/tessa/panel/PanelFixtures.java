package org.tessa.panel;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tessa.TessaIntegrationTest.TestClock;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.EnquiryService;
import org.tessa.partner.PartnerActionProcess;
import org.tessa.people.PartnerDirectory;
import org.tessa.people.StaffDirectory;
import org.tessa.plan.Plan;
import org.tessa.plan.PlanProcess;
import org.tessa.plan.PlanService;
import org.tessa.tasklist.TaskList;

/** Cases that have been to the Ways Forward Panel, for tests of what follows: plans, reviews, partner actions. */
@Component
public class PanelFixtures {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The partner organisation {@link #parentingAction} gives its actions to. */
    public static final String PARENTING = "Parr Family Hub parenting service";
    /** What a partner may answer on an action's task form, and how a completed action turned out. */
    public static final Set<String> PARTNER_UPDATES = Set.of("ACCEPTED", "PROGRESS", "DECLINED", "COMPLETED");
    public static final Set<String> ACTION_OUTCOMES = Set.of("ACHIEVED", "PARTLY_ACHIEVED", "NOT_ACHIEVED");

    private final PanelService panel;
    private final EnquiryService enquiries;
    private final TaskList taskList;
    private final StaffDirectory staff;
    private final ProcessEngine engine;
    private final TestClock clock;
    private final PlanService plans;
    private final PartnerDirectory partners;

    PanelFixtures(PanelService panel, EnquiryService enquiries, TaskList taskList, StaffDirectory staff,
            ProcessEngine engine, TestClock clock, PlanService plans, PartnerDirectory partners) {
        this.plans = plans;
        this.partners = partners;
        this.panel = panel;
        this.enquiries = enquiries;
        this.taskList = taskList;
        this.staff = staff;
        this.engine = engine;
        this.clock = clock;
    }

    /** A case decided at a meeting: the clock is pinned to {@code now}, the meeting is at {@code meetingAt}. */
    public ProcessInstance decided(String now, String meetingAt, Map<String, Object> decision) {
        ProcessInstance panelCase = awaitingDecision(now, meetingAt);
        String task = engine.getTaskService().createTaskQuery().processInstanceId(panelCase.getId()).singleResult().getId();
        var panelMember = staff.loadUserByUsername("panel-member");
        taskList.claim(task, panelMember);
        taskList.complete(task, panelMember, decision);
        return panelCase;
    }

    /** A case at a meeting that has started, its decision task waiting for the panel: as {@link #decided}, undecided. */
    public ProcessInstance awaitingDecision(String now, String meetingAt) {
        clock.pin(london(now));
        panel.schedule(london(meetingAt), "Town Hall, Room 3", null, "Chris Hale", "Chair, SEND, CSC, FH", "admin");
        String reference = enquiries.log(Enquiries.attendanceWorry(), staff.loadUserByUsername("school-a"), Channel.WEB,
                Optional.empty()).reference();
        var runtime = engine.getRuntimeService();
        ProcessInstance panelCase = runtime.startProcessInstanceByKey(PanelProcess.PROCESS_KEY, reference,
                Map.of("enquiryReference", reference));
        Job meeting = await().atMost(Duration.ofSeconds(30)).until(() -> engine.getManagementService().createJobQuery()
                .processInstanceId(panelCase.getId()).timers().singleResult(), Objects::nonNull);
        engine.getManagementService().executeJob(meeting.getId());
        return panelCase;
    }

    public ProcessInstance multiAgency(String now, String meetingAt) {
        return decided(now, meetingAt, Map.of("panelDecision", "MULTI_AGENCY",
                "leadProfessional", "lead-professional", "rationale", "Needs from school, health and family support together.",
                "attendees", "Chair, CSC, FH"));
    }

    /**
     * A multi-agency case decided at a meeting a week after {@code day}, its plan confirmed with one action (a
     * school nurse's check) and its details; the clock is back to the real time.
     */
    public ProcessInstance confirmedPlan(LocalDate day) {
        ProcessInstance panelCase = multiAgency(day + "T09:00", day.plusWeeks(1) + "T10:00");
        String reference = panelCase.getBusinessKey();
        var panelMember = staff.loadUserByUsername("panel-member");
        plans.addAction(reference, panelMember, "Health check with the school nurse", "School nursing team", null,
                day.plusDays(20));
        plans.updateDetails(reference, panelMember, "Ellie is in school every day.",
                "Dear Ellie, your mum will join a course and the school nurse will see you.",
                "If nothing changes, the panel meets again.", day.plusMonths(2));
        plans.confirm(reference, panelMember);
        clock.reset();
        return panelCase;
    }

    /** A new action for the parenting service on a confirmed plan, due in three months: its task is in the partner's queue. */
    public long parentingAction(String reference, String description) {
        long parenting = partners.all().stream().filter(o -> o.name().equals(PARENTING)).findFirst().orElseThrow().id();
        plans.addAction(reference, staff.loadUserByUsername("lead-professional"), description, null, parenting,
                LocalDate.now(clock).plusMonths(3));
        return plans.find(reference).orElseThrow().actions().stream().mapToLong(Plan.Action::id).max().orElseThrow();
    }

    /** The partner action's task at {@code taskKey} ({@code PartnerActionProcess.TASK_...}), once the engine has made it. */
    public Task partnerTask(long action, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> engine.getTaskService().createTaskQuery()
                .processDefinitionKey(PartnerActionProcess.PROCESS_KEY)
                .processVariableValueEquals(PartnerActionProcess.ACTION_ID, action).taskDefinitionKey(taskKey)
                .singleResult(), Objects::nonNull);
    }

    /** The plan review task of a case whose plan is agreed: the one waiting, or the next, its timer fired now. */
    public String planReviewTask(String panelCaseId) {
        var waiting = engine.getTaskService().createTaskQuery().processInstanceId(panelCaseId)
                .taskDefinitionKey(PlanProcess.TASK_REVIEW_PLAN).singleResult();
        if (waiting != null) {
            return waiting.getId();
        }
        var management = engine.getManagementService();
        management.executeJob(await().atMost(Duration.ofSeconds(30))
                .until(() -> management.createJobQuery().processInstanceId(panelCaseId).timers()
                        .activityId(PlanProcess.TIMER_PLAN_REVIEW_DUE).singleResult(), Objects::nonNull)
                .getId());
        return engine.getTaskService().createTaskQuery().processInstanceId(panelCaseId)
                .taskDefinitionKey(PlanProcess.TASK_REVIEW_PLAN).singleResult().getId();
    }

    public static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }
}
