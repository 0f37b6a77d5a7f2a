package org.tessa.partner;

import static org.tessa.caserecord.CaseEventKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.TessaIntegrationTest;
import org.tessa.plan.ActionOutcome;
import org.tessa.plan.ActionStatus;
import org.tessa.panel.PanelFixtures;
import org.tessa.plan.Plan;
import org.tessa.plan.PlanService;
import org.tessa.people.PartnerDirectory;
import org.tessa.people.PartnerOrganisation;
import org.tessa.people.StaffMember;
import org.tessa.shared.RecordNotFoundException;
import org.tessa.tasklist.TaskList;
import org.tessa.tasklist.WorkItem;

/** Plan actions in Family Hub partners' own queues: bpmn/partner-action.bpmn with its access rules. */
class PartnerActionTest extends TessaIntegrationTest {

    @Autowired
    PanelFixtures fixtures;

    @Autowired
    PlanService plans;

    @Autowired
    PartnerDirectory partners;

    @Autowired
    TaskList taskList;

    @Autowired
    MockMvc mvc;

    @Test
    void eachPartnerActionReachesItsOrganisationsQueueAndOnlyThat() throws Exception {
        String reference = confirmedPlan("2043-02-03T09:00", "2043-02-10T10:00");

        WorkItem parentingTask = await().atMost(Duration.ofSeconds(30)).until(() -> taskFor(person("partner"), reference),
                java.util.Objects::nonNull);
        assertThat(parentingTask.taskKey()).isEqualTo(PartnerActionProcess.TASK_CARRY_OUT_ACTION);
        assertThat(parentingTask.due()).isEqualTo(PanelFixtures.london("2043-02-28T17:00"));
        StaffMember nurse = nursingStaff();
        assertThat(taskFor(nurse, reference)).isNotNull();
        assertThatThrownBy(() -> taskList.claim(parentingTask.id(), nurse)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> taskList.complete(parentingTask.id(), nurse, Map.of("partnerUpdate", "COMPLETED",
                "actionOutcome", "ACHIEVED", "note", "Not ours to do"))).isInstanceOf(RecordNotFoundException.class);
        youthWorker();
        assertThat(as("youth-worker").getForEntity("/api/enquiries/" + reference, String.class).getStatusCode().value())
                .isEqualTo(404);

        assertThat(mvc.perform(get("/enquiries/" + reference).with(user(person("partner"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Ellie Rowe");
        mvc.perform(get("/panel/cases/" + reference).with(user(person("partner")))).andExpect(status().isNotFound());
        mvc.perform(get("/enquiries/" + reference).with(user(youthWorker()))).andExpect(status().isNotFound());
        assertThat(as("partner").getForEntity("/api/enquiries/" + reference, String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aPartnerAcceptsRecordsProgressAndCompletes() {
        String reference = confirmedPlan("2044-02-02T09:00", "2044-02-09T10:00");
        WorkItem task = await().atMost(Duration.ofSeconds(30)).until(() -> taskFor(person("partner"), reference),
                java.util.Objects::nonNull);

        work(task, Map.of("partnerUpdate", "ACCEPTED", "note", "First session booked for Tuesday."));
        assertThat(action(reference, "Parr Family Hub parenting service").status()).isEqualTo(ActionStatus.ACCEPTED);
        WorkItem next = taskFor(person("partner"), reference);
        assertThat(next.assignee()).as("whoever accepted the action keeps it for the next update")
                .isEqualTo("partner");
        taskList.complete(next.id(), person("partner"), Map.of("partnerUpdate", "PROGRESS", "note", "Mum came to 3 of 6 sessions."));
        assertThat(action(reference, "Parr Family Hub parenting service").latestNote()).isEqualTo("Mum came to 3 of 6 sessions.");
        assertThatThrownBy(() -> taskList.complete(taskFor(person("partner"), reference).id(), person("partner"),
                Map.of("partnerUpdate", "COMPLETED", "note", "Finished.")))
                .isInstanceOf(org.tessa.shared.InvalidSubmissionException.class);
        String process = taskFor(person("partner"), reference).id();
        taskList.complete(taskFor(person("partner"), reference).id(), person("partner"), Map.of("partnerUpdate", "COMPLETED",
                "actionOutcome", "ACHIEVED", "note", "All six sessions done; mornings are calmer."));

        Plan.Action done = action(reference, "Parr Family Hub parenting service");
        assertThat(done.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(done.outcome()).isEqualTo(ActionOutcome.ACHIEVED);
        assertThat(taskFor(person("partner"), reference)).isNull();
        assertThat(process).isNotBlank();
        assertThat(kindsRecordedFor(reference)).containsSubsequence(PLAN_DRAFTED, PLAN_CONFIRMED, ACTION_QUEUED,
                ACTION_ACCEPTED, ACTION_PROGRESSED, ACTION_COMPLETED);
    }

    @Test
    void aDeclinedActionIsReassignedByTheLeadProfessional() {
        String reference = confirmedPlan("2046-02-06T09:00", "2046-02-13T10:00");
        WorkItem task = await().atMost(Duration.ofSeconds(30)).until(() -> taskFor(person("partner"), reference),
                java.util.Objects::nonNull);

        work(task, Map.of("partnerUpdate", "DECLINED", "note", "We have no course running until September."));

        WorkItem reassign = taskFor(person("lead-professional"), reference);
        assertThat(reassign.taskKey()).isEqualTo(PartnerActionProcess.TASK_REASSIGN_ACTION);
        assertThat(reassign.assignee()).isEqualTo("lead-professional");
        taskList.complete(reassign.id(), person("lead-professional"),
                Map.of("partnerOrganisation", String.valueOf(organisation("Parr Youth Project").id())));

        StaffMember youth = youthWorker();
        WorkItem moved = taskFor(youth, reference);
        assertThat(moved.taskKey()).isEqualTo(PartnerActionProcess.TASK_CARRY_OUT_ACTION);
        assertThat(moved.assignee()).as("a new organisation's queue, not the person who declined").isNull();
        assertThat(action(reference, "Parr Youth Project").status()).isEqualTo(ActionStatus.AGREED);
        assertThat(taskFor(person("partner"), reference)).isNull();
        assertThat(as("partner").getForEntity("/api/enquiries/" + reference, String.class).getStatusCode().value())
                .as("an organisation that held a task keeps access").isEqualTo(200);
        assertThat(kindsRecordedFor(reference)).containsSubsequence(ACTION_QUEUED, ACTION_DECLINED, ACTION_REASSIGNED);
    }

    @Test
    void theOrganisationIsRemindedAndAnOverdueActionIsChased() throws Exception {
        String reference = confirmedPlan("2047-02-05T09:00", "2047-02-12T10:00");
        await().atMost(Duration.ofSeconds(30)).until(() -> taskFor(person("partner"), reference), java.util.Objects::nonNull);
        ProcessInstance action = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PartnerActionProcess.PROCESS_KEY).processInstanceBusinessKey(reference)
                .variableValueEquals(PartnerActionProcess.PARTNER_QUEUE, organisation("Parr Family Hub parenting service").queue())
                .singleResult();

        Job reminder = timer(action, PartnerActionProcess.TIMER_REMINDER_DUE);
        assertThat(reminder.getDuedate().toInstant()).as("two working days before the due date")
                .isEqualTo(PanelFixtures.london("2047-02-28T09:00"));
        processEngine.getManagementService().executeJob(reminder.getId());
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m ->
                recipient(m).equals("parenting@parrfamilyhub.example.org") && subject(m).startsWith("[" + reference + "]")));

        processEngine.getManagementService().executeJob(timer(action, PartnerActionProcess.TIMER_ACTION_OVERDUE).getId());
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m ->
                recipient(m).equals("parenting@parrfamilyhub.example.org") && subject(m).contains("is overdue")));
        WorkItem chase = await().atMost(Duration.ofSeconds(30)).until(() -> taskFor(person("lead-professional"), reference),
                java.util.Objects::nonNull);
        assertThat(chase.taskKey()).isEqualTo(PartnerActionProcess.TASK_CHASE_OVERDUE_ACTION);
        assertThat(taskFor(person("partner"), reference)).as("the partner's task stays in its queue").isNotNull();
        taskList.complete(chase.id(), person("lead-professional"),
                Map.of("chaseNote", "Phoned Pat: last session moved to next week."));
        assertThat(action(reference, "Parr Family Hub parenting service").latestNote()).startsWith("Chased: Phoned Pat");
        assertThat(kindsRecordedFor(reference)).containsSubsequence(ACTION_OVERDUE, ACTION_CHASED);
    }

    @Test
    void everyoneEntitledSeesTheSameCaseSummaryAndTheLeadProfessionalSeesTheirCases() throws Exception {
        String reference = confirmedPlan("2045-06-05T09:00", "2045-06-12T10:00");
        WorkItem task = await().atMost(Duration.ofSeconds(30)).until(() -> taskFor(person("partner"), reference),
                java.util.Objects::nonNull);

        for (String who : List.of("partner", "school-a", "lead-professional", "duty-manager")) {
            assertThat(mvc.perform(get("/cases/" + reference).with(user(person(who)))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString()).as(who)
                    .contains("Case summary: Ellie Rowe").contains("Six-week parenting course for mum")
                    .contains("School nursing team").doesNotContain("Needs from school, health and family");
        }
        mvc.perform(get("/cases/" + reference).with(user(youthWorker()))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + reference).with(user(person("school-b")))).andExpect(status().isNotFound());

        taskList.claim(task.id(), person("partner"));
        assertThat(mvc.perform(get("/tasks/" + task.id()).with(user(person("partner")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("The plan action")
                .contains("Read the case summary before contacting the family").contains("name=\"partnerUpdate\"");
        assertThat(mvc.perform(get("/my-cases").with(user(person("lead-professional")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(reference).contains("Health check with the school nurse");
        mvc.perform(get("/my-cases").with(user(person("partner")))).andExpect(status().isForbidden());
    }

    @Test
    void actionsAddedToOrRemovedFromALivePlanReachOrLeaveTheQueues() {
        String reference = confirmedPlan("2049-02-03T09:00", "2049-02-10T10:00");
        await().atMost(Duration.ofSeconds(30)).until(() -> taskFor(person("partner"), reference), java.util.Objects::nonNull);
        StaffMember youth = youthWorker();
        assertThat(taskFor(youth, reference)).isNull();

        plans.addAction(reference, person("lead-professional"), "Weekly youth club place for Ellie", null,
                organisation("Parr Youth Project").id(), LocalDate.of(2049, 3, 20));

        assertThat(taskFor(youth, reference)).isNotNull();
        long parentingAction = action(reference, "Parr Family Hub parenting service").id();
        plans.removeAction(reference, person("lead-professional"), parentingAction);

        assertThat(taskFor(person("partner"), reference)).as("the removed action's task is cancelled").isNull();
        assertThat(plans.find(reference).orElseThrow().actions()).extracting(Plan.Action::responsibleOrganisation)
                .containsExactlyInAnyOrder("School nursing team", "Parr Youth Project");
        assertThat(kindsRecordedFor(reference)).containsSubsequence(PLAN_CHANGED, ACTION_QUEUED, PLAN_CHANGED);
    }

    @Test
    void theTaskListHasSavedViewsAndPages() throws Exception {
        String reference = confirmedPlan("2048-02-04T09:00", "2048-02-11T10:00");
        WorkItem task = await().atMost(Duration.ofSeconds(30)).until(() -> taskFor(person("partner"), reference),
                java.util.Objects::nonNull);
        taskList.claim(task.id(), person("partner"));

        assertThat(taskList.workFor(person("partner"), org.tessa.tasklist.TaskFilter.MINE, org.tessa.tasklist.TaskOrder.URGENCY, 1, 25).items())
                .extracting(WorkItem::id).contains(task.id());
        assertThat(taskList.workFor(person("partner"), org.tessa.tasklist.TaskFilter.UNCLAIMED, org.tessa.tasklist.TaskOrder.URGENCY, 1, 25).items())
                .extracting(WorkItem::id).doesNotContain(task.id());
        assertThat(taskList.workFor(person("partner"), org.tessa.tasklist.TaskFilter.ALL, org.tessa.tasklist.TaskOrder.NEWEST, 1, 1).items()).hasSize(1);
        assertThat(as("partner").getForObject("/api/tasks?view=MINE", com.fasterxml.jackson.databind.JsonNode.class)
                .findValuesAsText("id")).contains(task.id());
        assertThat(as("partner").getForEntity("/api/tasks?view=SOMETIME", String.class).getStatusCode().value()).isEqualTo(400);
        var oldestFirst = as("partner").getForObject("/api/tasks?sort=OLDEST", com.fasterxml.jackson.databind.JsonNode.class)
                .findValuesAsText("created").stream().map(java.time.Instant::parse).toList();
        assertThat(oldestFirst).isSorted();
        assertThat(mvc.perform(get("/tasks").param("view", "MINE").with(user(person("partner"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Carry out plan action").contains("My team&#39;s unclaimed");
    }

    private String confirmedPlan(String now, String meetingAt) {
        String reference = fixtures.multiAgency(now, meetingAt).getBusinessKey();
        var panelMember = person("panel-member");
        LocalDate review = LocalDate.parse(now.substring(0, 10)).plusMonths(2);
        plans.addAction(reference, panelMember, "Six-week parenting course for mum", null,
                organisation("Parr Family Hub parenting service").id(), LocalDate.parse(now.substring(0, 10)).plusDays(25));
        plans.addAction(reference, panelMember, "Health check with the school nurse", null,
                organisation("School nursing team").id(), LocalDate.parse(now.substring(0, 10)).plusDays(20));
        plans.updateDetails(reference, panelMember, "Ellie is in school every day.",
                "Dear Ellie, your mum will join a course and the school nurse will see you.",
                "If nothing changes, the panel meets again.", review);
        plans.confirm(reference, panelMember);
        return reference;
    }

    private void work(WorkItem task, Map<String, Object> update) {
        StaffMember partner = person("partner");
        taskList.claim(task.id(), partner);
        taskList.complete(task.id(), partner, update);
    }

    private WorkItem taskFor(StaffMember person, String reference) {
        List<WorkItem> work = taskList.workOn(person, reference);
        return work.isEmpty() ? null : work.get(0);
    }

    private Plan.Action action(String reference, String organisation) {
        return plans.find(reference).orElseThrow().actions().stream()
                .filter(a -> a.responsibleOrganisation().equals(organisation)).findFirst().orElseThrow();
    }

    private PartnerOrganisation organisation(String name) {
        return partners.all().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private StaffMember nursingStaff() {
        return partnerAccount("school-nurse", "School nursing team");
    }

    private StaffMember youthWorker() {
        return partnerAccount("youth-worker", "Parr Youth Project");
    }

    private StaffMember partnerAccount(String username, String organisation) {
        try {
            return staff.loadUserByUsername(username);
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException absent) {
            staff.addPartnerAccount(username, "demo", username, organisation(organisation).id());
            return staff.loadUserByUsername(username);
        }
    }

    private Job timer(ProcessInstance action, String activityId) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(action.getId()).timers()
                .activityId(activityId).singleResult();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException unreadable) {
            return "";
        }
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException unreadable) {
            return "";
        }
    }
}
