package org.tessa.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.tessa.TessaIntegrationTest;
import org.tessa.caserecord.CaseEvent;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;
import org.tessa.shared.ConflictException;
import org.tessa.tasklist.TaskFilter;
import org.tessa.tasklist.TaskList;
import org.tessa.tasklist.TaskOrder;

/** A manager moves work between people or back to its team, with a reason the case record keeps. */
class TransferTest extends TessaIntegrationTest {

    @Autowired
    EnquiryService enquiries;

    @Autowired
    TaskList taskList;

    @Test
    void movedWorkIsTheNewHoldersAndNoLongerTheOldOnesAndTheCaseRecordSaysWhy() {
        String reference = logEnquiry();
        String task = triageTask(reference);
        taskList.claim(task, person("duty-manager"));

        var moved = postJson("manager", "/api/work/" + task + "/transfer", Map.of("from", "duty-manager",
                "to", "duty-manager-2", "reason", "Dana is on leave until Monday."), JsonNode.class);

        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        assertThat(mine("duty-manager-2")).contains(task);
        assertThat(mine("duty-manager")).doesNotContain(task);
        assertThatThrownBy(() -> taskList.complete(task, person("duty-manager"), Map.of("triageOutcome", "ADVICE_GIVEN",
                "advice", "Keep in touch.", "levelOfNeed", "UNIVERSAL")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("duty-manager-2");
        CaseEvent transfer = caseRecord.eventsAbout(reference).stream()
                .filter(event -> event.kind() == CaseEventKind.WORK_TRANSFERRED).findFirst().orElseThrow();
        assertThat(transfer.summary()).isEqualTo("Triage enquiry moved from Dana Mercer (duty manager) to Sam Patel "
                + "(duty manager). Reason: Dana is on leave until Monday.");
        assertThat(transfer.by()).isEqualTo("manager");
        assertThat(transfer.details()).containsEntry("reason", "Dana is on leave until Monday.")
                .containsEntry("from", "duty-manager").containsEntry("to", "duty-manager-2");

        var back = postJson("manager", "/api/work/" + task + "/transfer", Map.of("from", "duty-manager-2",
                "reason", "Sam is needed on the hotline."), JsonNode.class);
        assertThat(back.getStatusCode().value()).isEqualTo(200);
        assertThat(taskList.workFor(person("duty-manager"), TaskFilter.UNCLAIMED, TaskOrder.URGENCY, 1, 1000).items())
                .extracting(item -> item.id()).contains(task);
    }

    @Test
    void aMoveThatMissedSomeoneElsesChangeIsRefusedNamingThemAndChangesNothing() {
        String task = triageTask(logEnquiry());
        taskList.claim(task, person("duty-manager-2"));

        var stale = postJson("manager", "/api/work/" + task + "/transfer", Map.of("to", "duty-manager",
                "reason", "Nobody has picked this up."), JsonNode.class);

        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stale.getBody().get("detail").asText()).contains("Sam Patel");
        assertThat(mine("duty-manager-2")).contains(task);
    }

    @Test
    void aMoveNeedsAReasonAndSomeoneWhoCanDoTheWorkAndOnlyManagersMoveWork() {
        String task = triageTask(logEnquiry());
        var withoutReason = new HashMap<String, Object>(Map.of("to", "duty-manager"));

        var noReason = postJson("manager", "/api/work/" + task + "/transfer", withoutReason, JsonNode.class);
        var toASchool = postJson("manager", "/api/work/" + task + "/transfer", Map.of("to", "school-a",
                "reason", "Let the school decide."), JsonNode.class);
        var byADutyManager = postJson("duty-manager", "/api/work/" + task + "/transfer", Map.of("to", "duty-manager",
                "reason", "Mine now."), JsonNode.class);

        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody().toString()).contains("reason").contains("Write why the work is moving");
        assertThat(toASchool.getStatusCode().value()).isEqualTo(400);
        assertThat(toASchool.getBody().toString()).contains("Choose someone who can do this work");
        assertThat(byADutyManager.getStatusCode().value()).isEqualTo(403);
        assertThat(mine("duty-manager")).doesNotContain(task);
        assertThat(postJson("manager", "/api/work/no-such-task/transfer", Map.of("to", "duty-manager", "reason", "x"),
                JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }

    private String logEnquiry() {
        return enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty()).reference();
    }

    private String triageTask(String reference) {
        return taskList.workOn(person("duty-manager"), reference).get(0).id();
    }

    private java.util.List<String> mine(String username) {
        return taskList.workFor(person(username), TaskFilter.MINE, TaskOrder.URGENCY, 1, 1000).items().stream()
                .map(item -> item.id()).toList();
    }
}
