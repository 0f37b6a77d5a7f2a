package org.tessa.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.tessa.TessaIntegrationTest;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;

/**
 * Two requests racing for one task, through the API as clients send them: the loser hears who won (409),
 * never a 500, and nothing is done twice.
 */
class TaskRacesTest extends TessaIntegrationTest {

    private static final int ROUNDS = 4;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    TaskList taskList;

    private final ExecutorService pair = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        pair.shutdownNow();
    }

    @Test
    void twoDutyManagersClaimingOneTaskAtOnceGetOneClaimAndOneConflictNamingTheWinner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String taskId = triageTaskOf(logEnquiry());

            List<ResponseEntity<JsonNode>> answers = atOnce(
                    () -> postJson("duty-manager", "/api/tasks/" + taskId + "/claim", Map.of(), JsonNode.class),
                    () -> postJson("duty-manager-2", "/api/tasks/" + taskId + "/claim", Map.of(), JsonNode.class));

            assertThat(answers).extracting(answer -> answer.getStatusCode().value()).containsExactlyInAnyOrder(200, 409);
            String winner = answers.stream().filter(a -> a.getStatusCode().value() == 200).findFirst().orElseThrow()
                    .getBody().get("assignee").asText();
            JsonNode refusal = answers.stream().filter(a -> a.getStatusCode().value() == 409).findFirst().orElseThrow()
                    .getBody();
            assertThat(refusal.get("detail").asText()).contains("claimed by " + winner);
            assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee())
                    .isEqualTo(winner);
        }
    }

    @Test
    void aTriageSentTwiceAtOnceIsDecidedOnceAndTheSecondHearsItIsDone() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String reference = logEnquiry();
            String taskId = triageTaskOf(reference);
            taskList.claim(taskId, person("duty-manager"));
            Map<String, Object> advice = Map.of("triageOutcome", "ADVICE_GIVEN", "levelOfNeed", "UNIVERSAL",
                    "advice", "Agree a bedtime routine with the family and offer breakfast club.");

            List<ResponseEntity<JsonNode>> answers = atOnce(
                    () -> postJson("duty-manager", "/api/tasks/" + taskId + "/complete", advice, JsonNode.class),
                    () -> postJson("duty-manager", "/api/tasks/" + taskId + "/complete", advice, JsonNode.class));

            assertThat(answers).extracting(answer -> answer.getStatusCode().value()).containsExactlyInAnyOrder(204, 409);
            assertThat(answers.stream().filter(a -> a.getStatusCode().value() == 409).findFirst().orElseThrow()
                    .getBody().get("detail").asText()).containsAnyOf("already been completed by duty-manager",
                            "You have already completed this task");
            assertThat(kindsRecordedFor(reference)).filteredOn(kind -> kind == CaseEventKind.TRIAGE_DECIDED)
                    .as("decided once").hasSize(1);
        }
    }

    /** Both requests released together, so that each passes its checks before the other commits. */
    private List<ResponseEntity<JsonNode>> atOnce(Supplier<ResponseEntity<JsonNode>> first,
            Supplier<ResponseEntity<JsonNode>> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<ResponseEntity<JsonNode>>> running = new ArrayList<>();
        for (Supplier<ResponseEntity<JsonNode>> request : List.of(first, second)) {
            running.add(pair.submit(() -> {
                start.await();
                return request.get();
            }));
        }
        List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> answer : running) {
            answers.add(answer.get());
        }
        return answers;
    }

    private String logEnquiry() {
        return enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, java.util.Optional.empty())
                .reference();
    }

    private String triageTaskOf(String reference) {
        return taskList.workOn(person("duty-manager"), reference).get(0).id();
    }
}
