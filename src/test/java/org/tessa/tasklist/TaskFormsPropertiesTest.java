package org.tessa.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tessa.HostileInput.assertNoServerError;
import static org.tessa.HostileInput.assertRefusedOnPage;
import static org.tessa.HostileInput.assertShownEscaped;
import static org.tessa.HostileInput.hasNul;
import static org.tessa.HostileInput.storable;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tessa.HostileInput;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;
import org.tessa.panel.PanelFixtures;

/**
 * The task forms (forms/*.form) filled in with anything: the triage decision on the page and through the API,
 * the panel's decision. Text within the form's limits is kept exactly and shown escaped; anything else comes back
 * as the form with an error summary naming the field, or a 400 problem+json, and the task stays open. Never a 500.
 */
@JqwikSpringSupport
class TaskFormsPropertiesTest extends TessaIntegrationTest {

    /** Each panel case gets its own fortnight, so that no case lands on another's meeting (2061 on, away from other tests). */
    private static final AtomicInteger WEEK = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    TaskList taskList;

    @Autowired
    PanelFixtures panel;

    /** jqwik does not run JUnit's @AfterEach: the panel cases pin the clock, so put it back for the tests that follow. */
    @AfterProperty
    void backToTheRealTime() {
        clock.reset();
    }

    @Property(tries = 20)
    void anyTriageAdviceIsSentExactlyOrTheFormSaysWhatToChange(@ForAll("advice") String advice) throws Exception {
        String reference = newEnquiry();
        String task = claimedTriage(reference);

        MvcResult answer = mvc.perform(post("/tasks/" + task + "/complete").param("triageOutcome", "ADVICE_GIVEN")
                .param("advice", advice).param("levelOfNeed", "UNIVERSAL")
                .with(user(person("duty-manager"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        if (storable(advice, 10, 5000)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
            assertThat(storedAdvice(reference)).contains(advice.strip());
            assertShownEscaped(page("/enquiries/" + reference + "/triage"), advice.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(advice), "advice");
            assertThat(storedAdvice(reference)).as("nothing decided").isEmpty();
            assertThat(taskList.workOn(person("duty-manager"), reference)).as("the task is still open").isNotEmpty();
        }
    }

    @Property(tries = 15)
    void anyReasonForSharingWithoutConsentIsKeptExactlyOrRefusedClearly(@ForAll("sharing") String sharing)
            throws Exception {
        String reference = newEnquiry();
        String task = claimedTriage(reference);

        MvcResult answer = mvc.perform(post("/tasks/" + task + "/complete").param("triageOutcome", "SIGNPOSTED")
                .param("advice", "Use the local offer for help with the request.").param("levelOfNeed", "EARLY_HELP")
                .param("signpostTo", "SEND_PORTAL").param("sharingWithoutConsent", sharing)
                .with(user(person("duty-manager"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        if (storable(sharing, 0, 1000) || sharing.isBlank()) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
            String kept = jdbc.sql("select sharing_without_consent from triage_decision where enquiry_reference = ?")
                    .param(reference).query(String.class).optional().orElse(null);
            assertThat(kept).isEqualTo(sharing.isBlank() ? null : sharing.strip());
            if (kept != null) {
                assertShownEscaped(page("/enquiries/" + reference + "/triage"), kept);
            }
        } else {
            assertRefusedOnPage(answer, hasNul(sharing), "sharingWithoutConsent");
            assertThat(storedAdvice(reference)).as("nothing decided").isEmpty();
        }
    }

    @Property(tries = 15)
    void theTaskApiKeepsAnyAdviceExactlyOrAnswers400NamingTheField(@ForAll("advice") String advice) {
        String reference = newEnquiry();
        String task = claimedTriage(reference);

        ResponseEntity<JsonNode> answer = postJson("duty-manager", "/api/tasks/" + task + "/complete",
                Map.of("triageOutcome", "ADVICE_GIVEN", "advice", advice, "levelOfNeed", "UNIVERSAL"), JsonNode.class);

        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isLessThan(500);
        if (storable(advice, 10, 5000)) {
            assertThat(answer.getStatusCode().is2xxSuccessful()).as(String.valueOf(answer.getBody())).isTrue();
            assertThat(storedAdvice(reference)).contains(advice.strip());
        } else {
            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(answer.getBody().toString()).contains("advice");
            assertThat(storedAdvice(reference)).isEmpty();
        }
    }

    @Property(tries = 10)
    void anyPanelDeferralIsKeptExactlyOrTheFormSaysWhatToChange(@ForAll("panelText") String rationale,
            @ForAll("panelText") String reason, @ForAll("panelLine") String attendees) throws Exception {
        java.time.LocalDate day = java.time.LocalDate.of(2061, 1, 3).plusWeeks(2L * WEEK.getAndIncrement());
        var panelCase = panel.awaitingDecision(day + "T09:00", day.plusWeeks(1) + "T10:00");
        String reference = panelCase.getBusinessKey();
        String task = processEngine.getTaskService().createTaskQuery().processInstanceId(panelCase.getId()).singleResult().getId();
        taskList.claim(task, person("panel-member"));

        MvcResult answer = mvc.perform(post("/tasks/" + task + "/complete").param("panelDecision", "DEFER")
                .param("deferralReason", reason).param("rationale", rationale).param("attendees", attendees)
                .with(user(person("panel-member"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        boolean valid = storable(rationale, 10, 5000) && storable(reason, 10, 1000) && storable(attendees, 1, 1000);
        var kept = jdbc.sql("select rationale, deferral_reason, attendees from panel_decision where enquiry_reference = ?")
                .param(reference).query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        if (valid) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
            assertThat(kept).singleElement().satisfies(row -> {
                assertThat(row[0]).isEqualTo(rationale.strip());
                assertThat(row[1]).isEqualTo(reason.strip());
                assertThat(row[2]).isEqualTo(attendees.strip());
            });
        } else {
            String field = !storable(reason, 10, 1000) ? "deferralReason" : !storable(rationale, 10, 5000) ? "rationale"
                    : "attendees";
            assertRefusedOnPage(answer, hasNul(rationale + reason + attendees), field);
            assertThat(kept).as("nothing decided").isEmpty();
        }
    }

    @Provide
    Arbitrary<String> advice() {
        return HostileInput.textFor(5000);
    }

    @Provide
    Arbitrary<String> sharing() {
        return HostileInput.textFor(1000);
    }

    @Provide
    Arbitrary<String> panelText() {
        return HostileInput.textFor(1000);
    }

    @Provide
    Arbitrary<String> panelLine() {
        return HostileInput.lineFor(1000);
    }

    private String newEnquiry() {
        return enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty()).reference();
    }

    private String claimedTriage(String reference) {
        String task = taskList.workOn(person("duty-manager"), reference).get(0).id();
        taskList.claim(task, person("duty-manager"));
        return task;
    }

    private Optional<String> storedAdvice(String reference) {
        return jdbc.sql("select advice from triage_decision where enquiry_reference = ?").param(reference)
                .query(String.class).optional();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(person("duty-manager")))).andReturn().getResponse().getContentAsString();
    }
}
