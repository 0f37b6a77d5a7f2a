package org.tessa.triage;

import static org.tessa.caserecord.CaseEventKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryProcess;

/** A school's enquiry through the duty managers' queue to the school's answer, over the JSON API. */
class TriageJourneyTest extends TessaIntegrationTest {

    @Test
    void theSchoolGetsTheDutyManagersAdviceOnItsViewAndByEmail() throws Exception {
        String reference = logAsSchoolA();
        JsonNode task = triageTaskFor(reference);
        assertThat(task.get("name").asText()).isEqualTo("Triage enquiry");
        assertThat(task.get("taskKey").asText()).isEqualTo("Task_TriageEnquiry");
        assertThat(task.get("formKey").asText()).isEqualTo("triage");
        assertThat(task.get("due").asText()).isNotBlank();
        assertThat(task.has("assignee")).isFalse();

        String id = task.get("id").asText();
        assertThat(post("duty-manager", "/api/tasks/" + id + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(statusOf(reference)).isEqualTo("IN_TRIAGE");

        ResponseEntity<JsonNode> completed = post("duty-manager", "/api/tasks/" + id + "/complete", adviceGiven());

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode enquiry = as("school-a").getForObject("/api/enquiries/" + reference, JsonNode.class);
        assertThat(enquiry.get("status").asText()).isEqualTo("CLOSED");
        assertThat(enquiry.get("outcome").asText()).isEqualTo("ADVICE_GIVEN");
        assertThat(enquiry.at("/responses/0/body").asText())
                .contains("Offer Noah a mentor")
                .contains("Level of need: Early help");

        MimeMessage email = awaitEmailAbout(reference);
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("amira.khan@parrmeadow.example.org");
        assertThat(email.getSubject()).isEqualTo("[" + reference + "] Advice about your enquiry");
        assertThat(((String) email.getContent())).contains("Dear Amira Khan").contains("Offer Noah a mentor");
        await().atMost(Duration.ofSeconds(10)).until(() -> !as("school-a")
                .getForObject("/api/enquiries/" + reference, JsonNode.class).at("/responses/0/emailedAt").isMissingNode());
    }

    @Test
    void theAdviceNeverReachesTheEnginesHistory() {
        String reference = logAsSchoolA();
        String id = claimTriage(reference);
        Map<String, Object> values = adviceGiven();
        values.put("triageOutcome", "SIGNPOSTED");
        values.put("signpostTo", List.of("MASH"));

        post("duty-manager", "/api/tasks/" + id + "/complete", values);

        var historyService = processEngine.getHistoryService();
        // The signposting that follows shares the business key: ask for the enquiry's own process.
        String instanceId = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(EnquiryProcess.PROCESS_KEY).singleResult().getId();
        var history = historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).list();
        assertThat(history).extracting(variable -> variable.getName())
                .contains("triageOutcome", "signpostTo", "levelOfNeed").doesNotContain("advice");
    }

    @Test
    void aSchoolCannotSeeOrWorkTheTriageQueue() {
        String reference = logAsSchoolA();
        String id = triageTaskFor(reference).get("id").asText();

        assertThat(as("school-a").getForEntity("/api/tasks", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("school-a", "/api/tasks/" + id + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("school-a", "/api/tasks/" + id + "/complete", adviceGiven()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(statusOf(reference)).isEqualTo("AWAITING_TRIAGE");
    }

    @Test
    void aPanelMemberDoesNotSeeTheDutyManagersQueue() {
        String reference = logAsSchoolA();
        String id = triageTaskFor(reference).get("id").asText();

        JsonNode panelTasks = as("panel-member").getForObject("/api/tasks", JsonNode.class);

        assertThat(panelTasks.findValuesAsText("id")).doesNotContain(id);
        assertThat(post("panel-member", "/api/tasks/" + id + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void completingWithoutClaimingIsAConflict() {
        String reference = logAsSchoolA();
        String id = triageTaskFor(reference).get("id").asText();

        ResponseEntity<JsonNode> response = post("duty-manager", "/api/tasks/" + id + "/complete", adviceGiven());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asText()).isEqualTo("Claim this task before you complete it or put it back.");
        assertThat(statusOf(reference)).isEqualTo("AWAITING_TRIAGE");
    }

    @Test
    void aTaskClaimedByAColleagueCannotBeClaimedOrCompleted() {
        String reference = logAsSchoolA();
        String id = claimTriage(reference);

        assertThat(post("duty-manager-2", "/api/tasks/" + id + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("duty-manager-2", "/api/tasks/" + id + "/complete", adviceGiven()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("duty-manager-2", "/api/tasks/" + id + "/unclaim", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void unclaimingPutsTheTaskBackInTheQueue() {
        String reference = logAsSchoolA();
        String id = claimTriage(reference);

        ResponseEntity<JsonNode> unclaimed = post("duty-manager", "/api/tasks/" + id + "/unclaim", null);

        assertThat(unclaimed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(unclaimed.getBody().has("assignee")).isFalse();
        assertThat(statusOf(reference)).isEqualTo("AWAITING_TRIAGE");
    }

    @Test
    void invalidFormValuesAreRefusedAndTheTaskStaysOpen() {
        String reference = logAsSchoolA();
        String id = claimTriage(reference);
        Map<String, Object> values = adviceGiven();
        values.put("triageOutcome", "SIGNPOSTED");
        values.put("levelOfNeed", "URGENT");

        ResponseEntity<JsonNode> response = post("duty-manager", "/api/tasks/" + id + "/complete", values);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("levelOfNeed", "signpostTo");
        assertThat(triageTaskFor(reference).get("id").asText()).isEqualTo(id);
        assertThat(statusOf(reference)).isEqualTo("IN_TRIAGE");
    }

    @Test
    void aMalformedCompletionIsABadRequest() {
        String reference = logAsSchoolA();
        String id = claimTriage(reference);

        ResponseEntity<JsonNode> response = post("duty-manager", "/api/tasks/" + id + "/complete", List.of("ADVICE_GIVEN"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(statusOf(reference)).isEqualTo("IN_TRIAGE");
    }

    @Test
    void signpostingMovesTheEnquiryToSignposted() {
        String reference = logAsSchoolA();
        String id = claimTriage(reference);
        Map<String, Object> values = adviceGiven();
        values.put("triageOutcome", "SIGNPOSTED");
        values.put("signpostTo", List.of("SEND_PORTAL", "MENTAL_HEALTH_PORTAL"));

        assertThat(post("duty-manager", "/api/tasks/" + id + "/complete", values).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(statusOf(reference)).isIn("SIGNPOSTED", "CLOSED");
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(reference).equals("CLOSED"));
        JsonNode closed = as("school-a").getForObject("/api/enquiries/" + reference, JsonNode.class);
        assertThat(closed.get("outcome").asText()).isEqualTo("SIGNPOSTED");
        assertThat(closed.at("/responses/0/body").asText())
                .contains("We are signposting the enquiry to:\n- SEND portal (special educational needs and disabilities)")
                .contains("what we have already sent for you. If a child is at immediate risk of harm, phone the MASH "
                        + "(multi-agency safeguarding hub) or 999 now.");
        assertThat(closed.at("/responses/1/body").asText()).contains("SEND portal").contains("Mental health portal")
                .contains("Please refer through");
        assertThat(kindsRecordedFor(reference)).containsSubsequence(ENQUIRY_RECEIVED, TRIAGE_CLAIMED, TRIAGE_DECIDED,
                SIGNPOST_MADE, SIGNPOST_MADE, SIGNPOSTING_COMPLETED);
    }

    @Test
    void referringToThePanelMovesTheEnquiryToAwaitingPanel() {
        String reference = logAsSchoolA();
        String id = claimTriage(reference);
        Map<String, Object> values = adviceGiven();
        values.put("triageOutcome", "REFER_TO_PANEL");
        values.put("levelOfNeed", "SPECIALIST");

        assertThat(post("duty-manager", "/api/tasks/" + id + "/complete", values).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(statusOf(reference)).isEqualTo("AWAITING_PANEL");
    }

    @Test
    void aChildAtImmediateRiskMustBeSignpostedToTheMash() {
        Map<String, Object> enquiry = Enquiries.json();
        enquiry.put("immediateRisk", true);
        String reference = postJson("school-a", "/api/enquiries", enquiry, JsonNode.class).getBody().get("reference").asText();
        String id = claimTriage(reference);

        ResponseEntity<JsonNode> advice = post("duty-manager", "/api/tasks/" + id + "/complete", adviceGiven());
        Map<String, Object> signposted = adviceGiven();
        signposted.put("triageOutcome", "SIGNPOSTED");
        signposted.put("signpostTo", List.of("SEND_PORTAL"));
        ResponseEntity<JsonNode> withoutMash = post("duty-manager", "/api/tasks/" + id + "/complete", signposted);

        assertThat(advice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(advice.getBody().get("errors").findValuesAsText("field")).containsExactly("triageOutcome");
        assertThat(withoutMash.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutMash.getBody().get("errors").findValuesAsText("message"))
                .containsExactly("The school said this child may be at immediate risk of harm: include the MASH (multi-agency safeguarding hub)");
        assertThat(triageTaskFor(reference).get("id").asText()).as("the task is still open").isEqualTo(id);

        signposted.put("signpostTo", List.of("SEND_PORTAL", "MASH"));
        assertThat(post("duty-manager", "/api/tasks/" + id + "/complete", signposted).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aMashReferralWithoutConsentNeedsTheReasonRecorded() {
        Map<String, Object> enquiry = Enquiries.json();
        enquiry.put("consent", "NOT_GIVEN");
        String reference = postJson("school-a", "/api/enquiries", enquiry, JsonNode.class).getBody().get("reference").asText();
        String id = claimTriage(reference);
        Map<String, Object> values = adviceGiven();
        values.put("triageOutcome", "SIGNPOSTED");
        values.put("signpostTo", List.of("MASH"));

        ResponseEntity<JsonNode> refused = post("duty-manager", "/api/tasks/" + id + "/complete", values);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("sharingWithoutConsent");

        values.put("sharingWithoutConsent", "Noah described being hit with a belt at home: risk of significant harm.");
        assertThat(post("duty-manager", "/api/tasks/" + id + "/complete", values).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode confirmation = await().atMost(Duration.ofSeconds(30)).until(() -> confirmationTaskFor(reference),
                java.util.Objects::nonNull);
        assertThat(confirmation.get("taskKey").asText()).isEqualTo("Task_ConfirmMashReferral");
        assertThat(confirmation.get("formKey").asText()).isEqualTo("confirm-mash-referral");
    }

    @Test
    void aDutyManagerConfirmsTheMashReferralAndTheSchoolHearsTheDecision() throws Exception {
        String reference = logAsSchoolA();
        String id = claimTriage(reference);
        Map<String, Object> values = adviceGiven();
        values.put("triageOutcome", "SIGNPOSTED");
        values.put("signpostTo", List.of("MASH"));
        post("duty-manager", "/api/tasks/" + id + "/complete", values);
        String confirmation = await().atMost(Duration.ofSeconds(30)).until(() -> confirmationTaskFor(reference),
                java.util.Objects::nonNull).get("id").asText();
        post("duty-manager", "/api/tasks/" + confirmation + "/claim", null);

        assertThat(post("duty-manager", "/api/tasks/" + confirmation + "/complete", Map.of("mashReference", "M1"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("duty-manager", "/api/tasks/" + confirmation + "/complete",
                Map.of("mashReference", "MASH-2026-0042")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(postJson("mash-system", "/api/portals/MASH/decisions", Map.of("enquiryReference", reference,
                "decision", "EARLY_HELP", "reference", "MASH-D-42"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(reference).equals("CLOSED"));
        JsonNode enquiry = as("school-a").getForObject("/api/enquiries/" + reference, JsonNode.class);
        assertThat(enquiry.get("outcome").asText()).isEqualTo("SIGNPOSTED");
        assertThat(enquiry.at("/responses/1/body").asText()).contains("MASH reference MASH-2026-0042")
                .contains("Early help");
        MimeMessage outcome = await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(MAIL.getReceivedMessages())
                .filter(message -> subject(message).equals("[" + reference + "] What happened to your enquiry")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat((String) outcome.getContent()).contains("Early help");
    }

    @Test
    void anUnknownTaskIsNotFound() {
        ResponseEntity<JsonNode> response = post("duty-manager", "/api/tasks/no-such-task/claim", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * Each rule of the triage suggestion table, as the duty manager sees it on the triage task: the school's
     * concerns, its immediate-risk answer and an earlier enquiry come from the enquiry; the level of need is
     * the one the duty manager chose beside the suggestion.
     */
    @ParameterizedTest(name = "rule {0}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | true  | BEHAVIOUR                      | false | EARLY_HELP | Signpost to MASH
            2 | false | SAFEGUARDING                   | false | UNIVERSAL  | Signpost to MASH
            3 | false | BEHAVIOUR                      | true  | TARGETED   | Refer to the Ways Forward Panel (WFP)
            4 | false | BEHAVIOUR                      | false | SPECIALIST | Refer to the Ways Forward Panel (WFP)
            5 | false | SEND                           | false | TARGETED   | Signpost to SEND portal
            6 | false | SOCIAL_EMOTIONAL_MENTAL_HEALTH | false | EARLY_HELP | Signpost to Mental health portal
            7 | false | BEHAVIOUR                      | true  | EARLY_HELP | Advice for the school
            8 | false | BEHAVIOUR                      | false | UNIVERSAL  | Advice for the school
            """)
    void theSuggestedRouteFollowsTheLevelOfNeedTheDutyManagerChooses(int rule, boolean immediateRisk, String concern,
            boolean reReferral, String levelOfNeed, String route) {
        String child = "Rule" + rule + "-" + UUID.randomUUID();
        if (reReferral) {
            logAboutChild(child, concern, immediateRisk);
        }
        String reference = logAboutChild(child, concern, immediateRisk);

        String page = triagePage(signIn("duty-manager"), reference, "?levelOfNeed=" + levelOfNeed);

        assertThat(page).contains(route).contains("Rule " + rule + " of the council")
                .contains("<option value=\"" + levelOfNeed + "\" selected=\"selected\">");
    }

    @Test
    void theTriagePageAsksForTheLevelOfNeedTheSuggestionAssumes() {
        String reference = logAboutChild("Level-" + UUID.randomUUID(), "BEHAVIOUR", false);

        String page = triagePage(signIn("duty-manager"), reference, "");

        assertThat(page).contains("method=\"get\"")
                .contains("<label class=\"govuk-label\" for=\"guidance-levelOfNeed\">Level of need the suggestion assumes</label>")
                .contains("<select class=\"govuk-select\" id=\"guidance-levelOfNeed\" name=\"levelOfNeed\">")
                .contains("<option value=\"\" selected=\"selected\">Not chosen yet</option>")
                .contains("<option value=\"SPECIALIST\">Specialist</option>")
                .contains("Update the suggestion").contains("Rule 8 of the council");
    }

    @Test
    void aLevelOfNeedTessaDoesNotKnowIsIgnored() {
        String reference = logAboutChild("Unknown-" + UUID.randomUUID(), "BEHAVIOUR", false);

        String page = triagePage(signIn("duty-manager"), reference, "?levelOfNeed=EXTREME");

        assertThat(page).contains("Rule 8 of the council").contains("<option value=\"\" selected=\"selected\">");
    }

    @SuppressWarnings("unchecked")
    private String logAboutChild(String lastName, String concern, boolean immediateRisk) {
        Map<String, Object> enquiry = Enquiries.json();
        ((Map<String, Object>) enquiry.get("child")).put("lastName", lastName);
        enquiry.put("concerns", List.of(concern));
        enquiry.put("immediateRisk", immediateRisk);
        return postJson("school-a", "/api/enquiries", enquiry, JsonNode.class).getBody().get("reference").asText();
    }

    /** The enquiry's triage task page, as the signed-in browser sees it. */
    private String triagePage(String session, String reference, String query) {
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        ResponseEntity<String> page = http.exchange("/tasks/" + triageTaskFor(reference).get("id").asText() + query,
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    private String logAsSchoolA() {
        return postJson("school-a", "/api/enquiries", Enquiries.json(), JsonNode.class).getBody().get("reference").asText();
    }

    /** The enquiry's triage task, claimed by the duty manager; returns its id. */
    private String claimTriage(String reference) {
        String id = triageTaskFor(reference).get("id").asText();
        assertThat(post("duty-manager", "/api/tasks/" + id + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        return id;
    }

    /** The enquiry's triage task as the duty manager reads it through the API (the queue may be pages long). */
    private JsonNode triageTaskFor(String reference) {
        JsonNode task = taskFor(reference, "Task_TriageEnquiry");
        if (task == null) {
            throw new AssertionError("No triage task in the duty managers' queue for " + reference);
        }
        return task;
    }

    private JsonNode confirmationTaskFor(String reference) {
        return taskFor(reference, "Task_ConfirmMashReferral");
    }

    private JsonNode taskFor(String reference, String taskKey) {
        var task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            return null;
        }
        ResponseEntity<JsonNode> read = as("duty-manager").getForEntity("/api/tasks/" + task.getId(), JsonNode.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        return read.getBody();
    }

    private String statusOf(String reference) {
        return as("duty-manager").getForObject("/api/enquiries/" + reference, JsonNode.class).get("status").asText();
    }

    private ResponseEntity<JsonNode> post(String username, String path, Object body) {
        return postJson(username, path, body == null ? Map.of() : body, JsonNode.class);
    }


    private static Map<String, Object> adviceGiven() {
        Map<String, Object> values = new HashMap<>();
        values.put("triageOutcome", "ADVICE_GIVEN");
        values.put("advice", "Offer Noah a mentor at school and share the Family Hub's parenting course with his mum.");
        values.put("levelOfNeed", "EARLY_HELP");
        return values;
    }

    private static MimeMessage awaitEmailAbout(String reference) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(MAIL.getReceivedMessages())
                        .filter(message -> subject(message).contains(reference)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException unreadable) {
            return "";
        }
    }
}
