package org.tessa.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tessa.caserecord.CaseEventKind.CASE_NOTE_ADDED;
import static org.tessa.caserecord.CaseEventKind.ENQUIRY_RECEIVED;
import static org.tessa.caserecord.CaseEventKind.ENQUIRY_WITHDRAWN;
import static org.tessa.caserecord.CaseEventKind.INFORMATION_ADDED;
import static org.tessa.caserecord.CaseEventKind.LETTER_SENT;
import static org.awaitility.Awaitility.await;
import static org.tessa.caserecord.CaseEventKind.TRIAGE_CLAIMED;
import static org.tessa.caserecord.CaseEventKind.TRIAGE_DECIDED;
import static org.tessa.caserecord.CaseEventKind.TRIAGE_RETURNED;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.TessaIntegrationTest;
import org.tessa.audit.AuditLog;

/**
 * The school's side of an open enquiry (adding information, withdrawing it), case notes, and the steps of
 * triage as the case record keeps them, through the API and the pages.
 */
class CaseRecordJourneyTest extends TessaIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Test
    void everyStepOfTriageIsRecordedInOrderAndTheStatusFollowsTheRecord() {
        String reference = logFor("school-a", "Oscar", "Lindqvist", "2016-01-12");
        String task = triageTaskFor(reference);

        postAs("duty-manager", "/api/tasks/" + task + "/claim", null);
        assertThat(statusOf(reference)).isEqualTo("IN_TRIAGE");
        postAs("duty-manager", "/api/tasks/" + task + "/unclaim", null);
        assertThat(statusOf(reference)).isEqualTo("AWAITING_TRIAGE");
        postAs("duty-manager", "/api/tasks/" + task + "/claim", null);
        postAs("duty-manager", "/api/tasks/" + task + "/complete", adviceGiven());

        assertThat(kindsRecordedFor(reference)).containsSubsequence(ENQUIRY_RECEIVED, TRIAGE_CLAIMED, TRIAGE_RETURNED,
                TRIAGE_CLAIMED, TRIAGE_DECIDED);
        assertThat(caseRecord.eventsAbout(reference)).filteredOn(event -> event.kind() == TRIAGE_DECIDED).singleElement()
                .satisfies(event -> {
                    assertThat(event.detail("triageOutcome")).isEqualTo("ADVICE_GIVEN");
                    assertThat(event.by()).isEqualTo("duty-manager");
                    assertThat(event.byName()).isNotBlank();
                });
        assertThat(statusOf(reference)).isEqualTo("CLOSED");
        await().atMost(Duration.ofSeconds(30)).until(() -> kindsRecordedFor(reference).contains(LETTER_SENT));
    }

    @Test
    void theSchoolAddsInformationThatReachesTheDutyManagerAndTheRecord() throws Exception {
        String reference = logFor("school-a", "Priya", "Okafor", "2015-06-30");

        ResponseEntity<JsonNode> added = postAs("school-a", "/api/enquiries/" + reference + "/information",
                Map.of("text", "Priya told her teacher today that her dad has moved out."));

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody().get("kind").asText()).isEqualTo("INFORMATION_ADDED");
        String task = triageTaskFor(reference);
        postAs("duty-manager", "/api/tasks/" + task + "/claim", null);
        assertThat(mvc.perform(get("/tasks/" + task).with(user(person("duty-manager")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("Information the school added").contains("her dad has moved out");
        assertThat(mvc.perform(get("/enquiries/" + reference).with(user(person("school-a")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Information the school added");
        assertThat(mvc.perform(get("/enquiries/" + reference + "/information").with(user(person("school-a"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Add information").contains("Write it as you would to the family");
        assertThat(kindsRecordedFor(reference)).contains(INFORMATION_ADDED);

        assertThat(postAs("school-b", "/api/enquiries/" + reference + "/information", Map.of("text", "x")).getStatusCode())
                .as("another school's enquiry answers as a missing one").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(postAs("duty-manager", "/api/enquiries/" + reference + "/information", Map.of("text", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> empty = postAs("school-a", "/api/enquiries/" + reference + "/information", Map.of("text", " "));
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(postAs("school-a", "/api/enquiries/" + reference + "/information", Map.of("text", "x".repeat(5001)))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postAs("school-a", "/api/enquiries/" + reference + "/information", Map.of("text", "a\u0000b"))
                .getStatusCode()).as("a NUL is refused before PostgreSQL would").isEqualTo(HttpStatus.BAD_REQUEST);

        postAs("duty-manager", "/api/tasks/" + task + "/complete", adviceGiven());
        ResponseEntity<JsonNode> tooLate = postAs("school-a", "/api/enquiries/" + reference + "/information",
                Map.of("text", "One more thing."));
        assertThat(tooLate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tooLate.getBody().get("detail").asText()).contains("raise a new enquiry");
    }

    @Test
    void theSchoolWithdrawsAnEnquiryInTriageAndTheDutyManagerWhoHeldItIsTold() throws Exception {
        String reference = logFor("school-a", "Maya", "Brennan", "2014-11-02");
        String task = triageTaskFor(reference);
        postAs("duty-manager", "/api/tasks/" + task + "/claim", null);

        assertThat(postAs("school-b", "/api/enquiries/" + reference + "/withdrawal", Map.of("reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(postAs("school-a", "/api/enquiries/" + reference + "/withdrawal", Map.of("reason", "")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> withdrawn = postAs("school-a", "/api/enquiries/" + reference + "/withdrawal",
                Map.of("reason", "Raised for the wrong child: Maya's sister was meant."));

        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
        var instance = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).processDefinitionKey(EnquiryProcess.PROCESS_KEY).singleResult();
        assertThat(instance.getEndActivityId()).isEqualTo(EnquiryProcess.EVENT_ENQUIRY_WITHDRAWN);
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).count()).isZero();
        assertThat(caseRecord.eventsAbout(reference)).filteredOn(event -> event.kind() == ENQUIRY_WITHDRAWN)
                .singleElement().satisfies(event -> assertThat(event.detail("heldBy")).isEqualTo("duty-manager"));
        assertThat(mvc.perform(get("/tasks").with(user(person("duty-manager")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("Withdrawn by the school while you were triaging").contains(reference)
                .contains("Raised for the wrong child");

        ResponseEntity<JsonNode> again = postAs("school-a", "/api/enquiries/" + reference + "/withdrawal",
                Map.of("reason", "Again"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains("already withdrawn");
    }

    @Test
    void aTriagedEnquiryCannotBeWithdrawnAndTheSchoolIsToldWhy() throws Exception {
        String reference = logFor("school-a", "Leon", "Marsh", "2013-04-18");
        String task = triageTaskFor(reference);
        postAs("duty-manager", "/api/tasks/" + task + "/claim", null);
        Map<String, Object> toPanel = adviceGiven();
        toPanel.put("triageOutcome", "REFER_TO_PANEL");
        postAs("duty-manager", "/api/tasks/" + task + "/complete", toPanel);

        ResponseEntity<JsonNode> refused = postAs("school-a", "/api/enquiries/" + reference + "/withdrawal",
                Map.of("reason", "Things are better."));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("has been triaged").contains("Add information");
        assertThat(statusOf(reference)).isEqualTo("AWAITING_PANEL");
        assertThat(mvc.perform(post("/enquiries/" + reference + "/withdraw").param("reason", "Things are better.")
                .with(user(person("school-a"))).with(csrf())).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString()).contains("has been triaged");
    }

    @Test
    void theWithdrawalPageAsksForAReasonAndKeepsWhatWasTyped() throws Exception {
        String reference = logFor("school-a", "Ruby", "Adeyemi", "2016-08-08");

        String page = mvc.perform(post("/enquiries/" + reference + "/withdraw").param("reason", " ")
                        .with(user(person("school-a"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<title>Error: Withdraw enquiry").contains("href=\"#reason\"")
                .contains("id=\"reason-error\"").contains("aria-describedby=\"reason-hint reason-error\"")
                .contains("govuk-textarea--error");
        mvc.perform(post("/enquiries/" + reference + "/withdraw").param("reason", "Raised twice by mistake.")
                .with(user(person("school-a"))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(statusOf(reference)).isEqualTo("WITHDRAWN");
        mvc.perform(get("/enquiries/" + reference + "/withdraw").with(user(person("duty-manager"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void staffAndTheLeadProfessionalAddCaseNotesThatSchoolsDoNotSee() throws Exception {
        String reference = logFor("school-a", "Tomasz", "Nowak", "2015-02-14");

        ResponseEntity<JsonNode> note = postAs("duty-manager", "/api/enquiries/" + reference + "/notes",
                Map.of("text", "Spoke to the DSL: no change at home this week."));

        assertThat(note.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(kindsRecordedFor(reference)).contains(CASE_NOTE_ADDED);
        assertThat(postAs("school-a", "/api/enquiries/" + reference + "/notes", Map.of("text", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(chronologyKinds("school-a", reference)).contains("ENQUIRY_RECEIVED").doesNotContain("CASE_NOTE_ADDED");
        assertThat(chronologyKinds("duty-manager", reference)).contains("CASE_NOTE_ADDED");

        String refused = mvc.perform(post("/enquiries/" + reference + "/notes").param("text", "")
                        .with(user(person("duty-manager"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem").contains("Write the case note");
    }

    @Test
    void theChronologyCoversEveryEnquiryAboutTheChildThatTheReaderMayRead() throws Exception {
        String first = logFor("school-a", "Hana", "Kowalczyk", "2014-05-05");
        String second = logFor("school-a", "Hana", "Kowalczyk", "2014-05-05");
        String elsewhere = logFor("school-b", "Hana", "Kowalczyk", "2014-05-05", "H123456789012");
        String withUpn = logFor("school-a", "Hana", "Kowalczyk", "2014-05-05", "H123456789012");

        assertThat(chronologyReferences("school-a", second)).containsOnly(first, second, withUpn);
        assertThat(chronologyReferences("duty-manager", second)).containsOnly(first, second, withUpn);
        assertThat(chronologyReferences("duty-manager", withUpn)).contains(elsewhere, withUpn);
        assertThat(chronologyReferences("school-a", withUpn)).doesNotContain(elsewhere);
        assertThat(as("school-b").getForEntity("/api/enquiries/" + second + "/chronology", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(audit.eventsFor("ENQUIRY", first)).anySatisfy(read ->
                assertThat(read.purpose()).isEqualTo("Chronology of " + second));

        String page = mvc.perform(get("/enquiries/" + second + "/chronology").param("stage", "TRIAGE")
                .with(user(person("duty-manager")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Chronology").contains("Hana Kowalczyk").contains("Nothing to show")
                .contains("value=\"TRIAGE\" checked");
        assertThat(mvc.perform(get("/enquiries/" + second + "/chronology").with(user(person("duty-manager"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Enquiry received").contains("3 events");

        byte[] pdf = mvc.perform(get("/enquiries/" + second + "/chronology.pdf").with(user(person("school-a"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Chronology for Hana Kowalczyk").contains(first).contains("Enquiry received")
                    .doesNotContain(elsewhere);
        }
    }

    private List<String> chronologyKinds(String username, String reference) {
        JsonNode entries = as(username).getForObject("/api/enquiries/" + reference + "/chronology", JsonNode.class);
        return entries.findValuesAsText("kind");
    }

    private List<String> chronologyReferences(String username, String reference) {
        JsonNode entries = as(username).getForObject("/api/enquiries/" + reference + "/chronology", JsonNode.class);
        return entries.findValuesAsText("enquiryReference").stream().distinct().toList();
    }

    private String logFor(String school, String firstName, String lastName, String dateOfBirth) {
        return logFor(school, firstName, lastName, dateOfBirth, null);
    }

    @SuppressWarnings("unchecked")
    private String logFor(String school, String firstName, String lastName, String dateOfBirth, String upn) {
        Map<String, Object> enquiry = new LinkedHashMap<>(Enquiries.json());
        Map<String, Object> child = new LinkedHashMap<>((Map<String, Object>) enquiry.get("child"));
        child.put("firstName", firstName);
        child.put("lastName", lastName);
        child.put("dateOfBirth", dateOfBirth);
        if (upn != null) {
            child.put("upn", upn);
        }
        enquiry.put("child", child);
        return postJson(school, "/api/enquiries", enquiry, JsonNode.class).getBody().get("reference").asText();
    }

    private String triageTaskFor(String reference) {
        return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(EnquiryProcess.TASK_TRIAGE_ENQUIRY).singleResult().getId();
    }

    private String statusOf(String reference) {
        return as("duty-manager").getForObject("/api/enquiries/" + reference, JsonNode.class).get("status").asText();
    }

    private ResponseEntity<JsonNode> postAs(String username, String path, Object body) {
        return postJson(username, path, body == null ? Map.of() : body, JsonNode.class);
    }

    private static Map<String, Object> adviceGiven() {
        Map<String, Object> values = new HashMap<>();
        values.put("triageOutcome", "ADVICE_GIVEN");
        values.put("advice", "Offer a mentor at school and share the Family Hub's parenting course.");
        values.put("levelOfNeed", "EARLY_HELP");
        return values;
    }
}
