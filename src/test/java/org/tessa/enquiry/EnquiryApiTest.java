package org.tessa.enquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tessa.TessaIntegrationTest;
import org.tessa.audit.AuditLog;

/** The enquiry API through the real security chain on a real port. */
class EnquiryApiTest extends TessaIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.tessa.tasklist.TaskList taskList;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Test
    void aSchoolLogsAnEnquiryAndGetsAReference() {
        ResponseEntity<JsonNode> created = postJson("school-a", "/api/enquiries", Enquiries.json(), JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = created.getBody().get("reference").asText();
        assertThat(reference).matches("TES-\\d{4}-\\d{6}");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/enquiries/" + reference);
        assertThat(created.getBody().get("status").asText()).isEqualTo("AWAITING_TRIAGE");

        JsonNode enquiry = as("school-a").getForObject("/api/enquiries/" + reference, JsonNode.class);
        assertThat(enquiry.get("status").asText()).isEqualTo("AWAITING_TRIAGE");
        assertThat(enquiry.get("channel").asText()).isEqualTo("API");
        assertThat(enquiry.at("/school/urn").asText()).isEqualTo("104811");
        assertThat(enquiry.at("/child/firstName").asText()).isEqualTo("Noah");
        assertThat(enquiry.get("responses")).isEmpty();
    }

    @Test
    void everyReadOfAnEnquiryIsAudited() {
        String reference = logAsSchoolA();

        as("school-a").getForObject("/api/enquiries/" + reference, JsonNode.class);

        assertThat(audit.eventsFor("ENQUIRY", reference))
                .anySatisfy(event -> {
                    assertThat(event.username()).isEqualTo("school-a");
                    assertThat(event.action()).isEqualTo("READ");
                    assertThat(event.purpose()).isEqualTo("API read");
                });
    }

    @Test
    void anotherSchoolsEnquiryAnswersExactlyLikeAMissingOne() {
        String reference = logAsSchoolA();

        ResponseEntity<JsonNode> otherSchool = as("school-b").getForEntity("/api/enquiries/" + reference, JsonNode.class);
        ResponseEntity<JsonNode> missing = as("school-b").getForEntity("/api/enquiries/TES-2026-999999", JsonNode.class);

        assertThat(otherSchool.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherSchool.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherSchool.getBody().get("detail").asText().replace(reference, "REF"))
                .isEqualTo(missing.getBody().get("detail").asText().replace("TES-2026-999999", "REF"));
        assertThat(audit.eventsFor("ENQUIRY", reference)).filteredOn(event -> event.username().equals("school-b"))
                .as("the refusal is recorded, and no read").extracting(event -> event.action()).containsOnly("REFUSED");
    }

    @Test
    void aSchoolListsOnlyItsOwnEnquiries() {
        String reference = logAsSchoolA();

        JsonNode schoolB = as("school-b").getForObject("/api/enquiries", JsonNode.class);
        JsonNode schoolA = as("school-a").getForObject("/api/enquiries", JsonNode.class);

        assertThat(schoolB.findValuesAsText("reference")).doesNotContain(reference);
        assertThat(schoolB.findValuesAsText("schoolName")).containsOnly("Windle Vale Academy");
        assertThat(schoolA.findValuesAsText("reference")).contains(reference);
    }

    @Test
    void noCredentialsIsUnauthorised() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/enquiries", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aWrongPasswordIsUnauthorised() {
        ResponseEntity<String> response = http.withBasicAuth("school-a", "not-the-password")
                .getForEntity("/api/enquiries", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheSameEnquiry() {
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + System.nanoTime());
        long before = enquiryCount();

        ResponseEntity<JsonNode> first = postJson("school-a", "/api/enquiries", Enquiries.json(), JsonNode.class, key);
        ResponseEntity<JsonNode> retry = postJson("school-a", "/api/enquiries", Enquiries.json(), JsonNode.class, key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody().get("reference")).isEqualTo(first.getBody().get("reference"));
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(enquiryCount()).isEqualTo(before + 1);
        assertThat(processCount(first.getBody().get("reference").asText())).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyFromAnotherAccountIsAnotherEnquiry() {
        Map<String, String> key = Map.of("Idempotency-Key", "shared-" + System.nanoTime());

        JsonNode fromA = postJson("school-a", "/api/enquiries", Enquiries.json(), JsonNode.class, key).getBody();
        JsonNode fromB = postJson("school-b", "/api/enquiries", Enquiries.json(), JsonNode.class, key).getBody();

        assertThat(fromA.get("reference")).isNotEqualTo(fromB.get("reference"));
    }

    @Test
    void badJsonIsABadRequestAndSavesNothing() {
        long before = enquiryCount();
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<JsonNode> response = as("school-a").exchange("/api/enquiries", HttpMethod.POST,
                new HttpEntity<>("{\"child\": {\"firstName\": ", headers), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).isEqualTo("The request body is not valid JSON of the expected shape.");
        assertThat(enquiryCount()).isEqualTo(before);
    }

    @Test
    void anUnknownConcernIsABadRequestNamingTheField() {
        Map<String, Object> enquiry = Enquiries.json();
        enquiry.put("concerns", List.of("HOMEWORK"));

        ResponseEntity<JsonNode> response = postJson("school-a", "/api/enquiries", enquiry, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).isEqualTo("The value 'HOMEWORK' is not allowed for 'concerns[0]'.");
    }

    @Test
    void missingAndInvalidFieldsAreListedAndNothingIsSaved() {
        long before = enquiryCount();
        Map<String, Object> enquiry = Enquiries.json();
        enquiry.remove("concerns");
        enquiry.put("summary", "x".repeat(5001));
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) enquiry.get("child");
        child.put("firstName", " ");
        child.put("upn", "123");
        @SuppressWarnings("unchecked")
        Map<String, Object> referrer = (Map<String, Object>) enquiry.get("referrer");
        referrer.put("email", "not-an-email");

        ResponseEntity<JsonNode> response = postJson("school-a", "/api/enquiries", enquiry, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("child.firstName", "child.upn", "concerns", "referrer.email", "summary");
        assertThat(response.getBody().get("errors").findValuesAsText("message"))
                .contains("Enter the child's first name", "Select at least one concern");
        assertThat(enquiryCount()).isEqualTo(before);
    }

    @Test
    void aSchoolCannotLogForAnotherSchool() {
        Map<String, Object> enquiry = Enquiries.json();
        enquiry.put("schoolUrn", "138420");

        ResponseEntity<JsonNode> response = postJson("school-a", "/api/enquiries", enquiry, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("schoolUrn");
    }

    @Test
    void aDutyManagerLogsAHotlineCallForASchool() {
        Map<String, Object> call = Enquiries.json();
        call.put("schoolUrn", "138420");
        call.put("channel", "PHONE");

        ResponseEntity<JsonNode> created = postJson("duty-manager", "/api/enquiries", call, JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = created.getBody().get("reference").asText();
        JsonNode enquiry = as("school-b").getForObject("/api/enquiries/" + reference, JsonNode.class);
        assertThat(enquiry.get("channel").asText()).isEqualTo("PHONE");
        assertThat(enquiry.at("/school/name").asText()).isEqualTo("Windle Vale Academy");
    }

    @Test
    void aDutyManagerMustSayWhichSchoolIsCalling() {
        ResponseEntity<JsonNode> response = postJson("duty-manager", "/api/enquiries", Enquiries.json(), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("message")).containsExactly("Select the school the call is from");
    }

    @Test
    void partnersDoNotLogEnquiries() {
        ResponseEntity<JsonNode> response = postJson("partner", "/api/enquiries", Enquiries.json(), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anImmediateRiskIsSavedFlaggedAndDueForTriageWithinHoursNotTheNextDay() {
        clock.pin(org.tessa.panel.PanelFixtures.london("2027-03-05T15:00"));
        Map<String, Object> enquiry = Enquiries.json();
        enquiry.put("immediateRisk", true);

        String reference = postJson("school-a", "/api/enquiries", enquiry, JsonNode.class).getBody().get("reference").asText();

        assertThat(as("duty-manager").getForObject("/api/enquiries/" + reference, JsonNode.class).get("immediateRisk").asBoolean())
                .isTrue();
        var triage = taskList.workOn(person("duty-manager"), reference).get(0);
        assertThat(triage.due()).as("four hours (tessa.timescales.immediate-risk-triage), not a working day")
                .isEqualTo(org.tessa.panel.PanelFixtures.london("2027-03-05T19:00"));
        assertThat(triage.timeliness()).as("never 'On time'").isEqualTo(org.tessa.tasklist.Timeliness.IMMEDIATE);
        clock.pin(org.tessa.panel.PanelFixtures.london("2027-03-05T19:01"));
        assertThat(taskList.workOn(person("duty-manager"), reference).get(0).timeliness())
                .isEqualTo(org.tessa.tasklist.Timeliness.RED);
    }

    @Test
    void schoolsAreListedWithTheirUrn() {
        JsonNode schools = as("duty-manager").getForObject("/api/schools", JsonNode.class);

        assertThat(schools.findValuesAsText("urn")).contains("104811", "138420");
        assertThat(schools.findValuesAsText("name")).contains("Parr Meadow Primary School", "Windle Vale Academy");
    }

    @Test
    void theApiIsPublishedAsOpenApi() {
        JsonNode document = as("school-a").getForObject("/v3/api-docs", JsonNode.class);

        assertThat(document.get("paths").has("/api/enquiries")).isTrue();
        assertThat(document.get("paths").has("/api/tasks/{id}/complete")).isTrue();
        assertThat(document.get("paths").has("/api/portals/{portal}/decisions")).isTrue();
        assertThat(document.at("/components/schemas/NewEnquiry/properties/summary/maxLength").asInt())
                .as("the column's size, read from the database").isEqualTo(5000);
        assertThat(document.at("/components/schemas/Child/properties/firstName/maxLength").asInt()).isEqualTo(100);
        assertThat(http.getForObject("/v3/api-docs", String.class)).as("signed-out visitors are sent to sign in")
                .contains("Sign in to TESSA").doesNotContain("openapi");
    }

    private String logAsSchoolA() {
        return postJson("school-a", "/api/enquiries", Enquiries.json(), JsonNode.class).getBody().get("reference").asText();
    }

    private long enquiryCount() {
        return jdbc.sql("select count(*) from enquiry").query(Long.class).single();
    }

    private long processCount(String reference) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count();
    }
}
