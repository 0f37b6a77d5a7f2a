package org.tessa.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.EnquiryUpdates;
import org.tessa.enquiry.NewEnquiry;

/** The work list (work_item) follows the engine's tasks in the same transaction, and is paged in SQL. */
class WorkItemsTest extends TessaIntegrationTest {

    @Autowired
    TaskList taskList;

    @Autowired
    WorkItems workItems;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    EnquiryUpdates updates;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Test
    void aTaskIsListedWithItsChildSchoolAndConcernsFollowsClaimsAndLeavesWhenDone() {
        String reference = log();
        var dutyManager = person("duty-manager");

        WorkItem listed = taskList.workOn(dutyManager, reference).get(0);
        assertThat(listed.childName()).isEqualTo("Ellie Rowe");
        assertThat(listed.schoolName()).isEqualTo("Parr Meadow Primary School");
        assertThat(listed.concerns()).contains("Attendance").contains("Social, emotional and mental health");
        assertThat(listed.assignee()).isNull();
        assertThat(row(listed.id())).containsEntry("QUEUE", "duty-managers");

        taskList.claim(listed.id(), dutyManager);
        assertThat(taskList.workOn(dutyManager, reference).get(0).assignee()).isEqualTo("duty-manager");
        taskList.unclaim(listed.id(), dutyManager);
        assertThat(taskList.workOn(dutyManager, reference).get(0).assignee()).isNull();

        taskList.claim(listed.id(), dutyManager);
        taskList.complete(listed.id(), dutyManager, Map.of("triageOutcome", "ADVICE_GIVEN",
                "advice", "Offer a mentor at school.", "levelOfNeed", "EARLY_HELP"));

        assertThat(taskList.workOn(dutyManager, reference)).isEmpty();
        assertThat(row(listed.id())).containsEntry("IS_OPEN", false).containsEntry("FINISHED_HOW", "completed");
    }

    @Test
    void aNewTaskIsWrittenFromWhatTheEngineReportedExactlyAsTheEngineHoldsIt() {
        String reference = log();
        var task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .initializeFormKeys().singleResult();
        String queue = processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).findFirst().orElseThrow();

        Map<String, Object> row = jdbc.queryForMap("select * from work_item where task_id = ?", task.getId());

        assertThat(row).containsEntry("NAME", task.getName()).containsEntry("TASK_KEY", task.getTaskDefinitionKey())
                .containsEntry("FORM_KEY", WorkItems.formKeyOf(task)).containsEntry("FORM_KEY", "triage")
                .containsEntry("PROCESS_INSTANCE_ID", task.getProcessInstanceId())
                .containsEntry("ENQUIRY_REFERENCE", reference).containsEntry("QUEUE", queue)
                .containsEntry("CHILD_NAME", "Ellie Rowe").containsEntry("IS_OPEN", true);
        assertThat(jdbc.queryForObject("select due_at from work_item where task_id = ?", java.time.OffsetDateTime.class,
                task.getId()).toInstant()).isEqualTo(task.getDueDate().toInstant());
        assertThat(jdbc.queryForObject("select created_at from work_item where task_id = ?", java.time.OffsetDateTime.class,
                task.getId()).toInstant()).isEqualTo(task.getCreateTime().toInstant());
    }

    @Test
    void aTaskEndedWithItsProcessLeavesTheListAsCancelled() {
        String reference = log();
        String taskId = taskList.workOn(person("duty-manager"), reference).get(0).id();

        updates.withdraw(reference, "Raised by mistake.", person("school-a"));

        assertThat(taskList.workOn(person("duty-manager"), reference)).isEmpty();
        assertThat(row(taskId)).containsEntry("IS_OPEN", false).containsEntry("FINISHED_HOW", "cancelled");
    }

    @Test
    void pagesFollowOneAnotherInTheOrderAsked() {
        String older = log();
        String newer = log();
        var dutyManager = person("duty-manager");

        List<WorkItem> first = taskList.workFor(dutyManager, TaskFilter.UNCLAIMED, TaskOrder.NEWEST, 1, 1).items();
        List<WorkItem> second = taskList.workFor(dutyManager, TaskFilter.UNCLAIMED, TaskOrder.NEWEST, 2, 1).items();

        assertThat(first).extracting(WorkItem::enquiryReference).containsExactly(newer);
        assertThat(second).extracting(WorkItem::enquiryReference).containsExactly(older);
        assertThat(taskList.workFor(dutyManager, TaskFilter.UNCLAIMED, TaskOrder.NEWEST, 1, 1).hasNext()).isTrue();
        JsonNode page = as("duty-manager").getForObject("/api/tasks?view=UNCLAIMED&sort=NEWEST&page=1&size=1", JsonNode.class);
        assertThat(page.get(0).get("childName").asText()).isEqualTo("Ellie Rowe");
        assertThat(page.get(0).get("enquiryReference").asText()).isEqualTo(newer);
    }

    @Test
    void aRowOutOfStepWithTheEngineIsFoundAndARebuildPutsItRight() {
        String reference = log();
        String taskId = taskList.workOn(person("duty-manager"), reference).get(0).id();
        jdbc.update("update work_item set assignee = 'someone-else' where task_id = ?", taskId);

        assertThat(workItems.outOfStep()).extracting(WorkItems.OutOfStep::taskId).contains(taskId);
        assertThat(as("admin").getForObject("/api/admin/work-items/out-of-step", JsonNode.class)
                .findValuesAsText("taskId")).contains(taskId);

        assertThat(postJson("admin", "/api/admin/work-items/rebuild", Map.of(), JsonNode.class).getBody()
                .get("openTasks").asLong()).isPositive();
        assertThat(workItems.outOfStep()).extracting(WorkItems.OutOfStep::taskId).doesNotContain(taskId);
        assertThat(taskList.workOn(person("duty-manager"), reference).get(0).assignee()).isNull();
        assertThat(postJson("duty-manager", "/api/admin/work-items/rebuild", Map.of(), String.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aTaskOfAProcessThatIsNotAnEnquiryNeverBreaksTheEnginesTransaction() {
        var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("work-item-other-process")
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Other").name("Something else").endEvent().done();
        var deployment = processEngine.getRepositoryService().createDeployment()
                .addModelInstance("work-item-other-process.bpmn", model).deploy();
        try {
            var instance = processEngine.getRuntimeService().startProcessInstanceByKey("work-item-other-process",
                    "a-business-key-far-longer-than-any-enquiry-reference-could-be");
            String taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .singleResult().getId();

            assertThat(jdbc.queryForMap("select enquiry_reference, is_open from work_item where task_id = ?", taskId))
                    .containsEntry("ENQUIRY_REFERENCE", null).containsEntry("IS_OPEN", true);
            processEngine.getRuntimeService().deleteProcessInstance(instance.getId(), "Test done");
            assertThat(row(taskId)).containsEntry("IS_OPEN", false);
        } finally {
            processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aTaskCreatedAndWorkedInOneTransactionIsReadBackInIt() {
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        String reference = transactions.execute(status -> {
            String logged = log();
            WorkItem created = taskList.workOn(person("duty-manager"), logged).get(0);
            taskList.claim(created.id(), person("duty-manager"));
            assertThat(taskList.task(created.id(), person("duty-manager")).assignee()).isEqualTo("duty-manager");
            return logged;
        });
        assertThat(taskList.workOn(person("duty-manager"), reference).get(0).assignee()).isEqualTo("duty-manager");
    }

    @Test
    void eachSavedViewListsWhatItSaysAsTheDayGoesOn() {
        clock.pin(Instant.parse("2070-01-08T09:00:00Z")); // a Wednesday
        String routine = log(); // to decide by the end of the next working day
        String urgent = log(true); // to decide within hours
        var dutyManager = person("duty-manager");
        taskList.claim(taskList.workOn(dutyManager, routine).get(0).id(), dutyManager);

        clock.pin(Instant.parse("2070-01-08T10:00:00Z"));
        assertThat(listed(TaskFilter.ALL)).contains(routine, urgent);
        assertThat(listed(TaskFilter.MINE)).contains(routine).doesNotContain(urgent);
        assertThat(listed(TaskFilter.UNCLAIMED)).contains(urgent).doesNotContain(routine);
        assertThat(listed(TaskFilter.DUE_TODAY)).contains(urgent).doesNotContain(routine);
        assertThat(listed(TaskFilter.OVERDUE)).doesNotContain(routine, urgent);

        clock.pin(Instant.parse("2070-01-08T16:00:00Z"));
        assertThat(listed(TaskFilter.OVERDUE)).contains(urgent).doesNotContain(routine);
        assertThat(listed(TaskFilter.DUE_TODAY)).doesNotContain(routine, urgent);

        clock.pin(Instant.parse("2070-01-09T09:00:00Z"));
        assertThat(listed(TaskFilter.DUE_TODAY)).contains(routine).doesNotContain(urgent);
        assertThat(listed(TaskFilter.OVERDUE)).contains(urgent).doesNotContain(routine);
        assertThat(as("duty-manager").getForObject("/api/tasks?view=OVERDUE&sort=NEWEST&size=50", JsonNode.class)
                .findValuesAsText("enquiryReference")).contains(urgent).doesNotContain(routine);
    }

    /** The enquiries of the duty manager's newest items in a view: the engine dates tasks by the real time. */
    private List<String> listed(TaskFilter view) {
        return taskList.workFor(person("duty-manager"), view, TaskOrder.NEWEST, 1, 50).items().stream()
                .map(WorkItem::enquiryReference).toList();
    }

    private String log() {
        return log(false);
    }

    private String log(boolean immediateRisk) {
        NewEnquiry worry = Enquiries.attendanceWorry();
        return enquiries.log(new NewEnquiry(worry.schoolUrn(), worry.child(), worry.concerns(), worry.summary(),
                immediateRisk, worry.consent(), worry.referrer(), worry.channel()), person("school-a"), Channel.WEB,
                Optional.empty()).reference();
    }

    private Map<String, Object> row(String taskId) {
        return jdbc.queryForMap("select queue, is_open, finished_how from work_item where task_id = ?", taskId);
    }
}
