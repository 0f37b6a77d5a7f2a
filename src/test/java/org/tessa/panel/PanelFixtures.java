package org.tessa.panel;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.tessa.TessaIntegrationTest.TestClock;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.EnquiryService;
import org.tessa.people.StaffDirectory;
import org.tessa.plan.PlanProcess;
import org.tessa.tasklist.TaskList;

/** Cases that have been to the Ways Forward Panel, for tests of what follows: plans, reviews, partner actions. */
@Component
public class PanelFixtures {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final PanelService panel;
    private final EnquiryService enquiries;
    private final TaskList taskList;
    private final StaffDirectory staff;
    private final ProcessEngine engine;
    private final TestClock clock;

    PanelFixtures(PanelService panel, EnquiryService enquiries, TaskList taskList, StaffDirectory staff,
            ProcessEngine engine, TestClock clock) {
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
