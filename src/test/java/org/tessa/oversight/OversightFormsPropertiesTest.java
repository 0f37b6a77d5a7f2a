package org.tessa.oversight;

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

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
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
import org.tessa.caserecord.CaseEvent;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;
import org.tessa.people.Role;
import org.tessa.tasklist.TaskList;

/**
 * Managers' forms filled in with anything: moving work to someone else (on the page and through the API), with any
 * reason, to anyone typed; and the commentary in the scrutiny report. A reason or commentary that fits is kept
 * exactly and shown escaped; work goes only to someone who can do it; anything else is refused naming the field
 * (the form again, or a 400 problem+json) and nothing moves or is saved; never a 500.
 */
@JqwikSpringSupport
class OversightFormsPropertiesTest extends TessaIntegrationTest {

    /** Each commentary is about a period of its own, a week apart from 2071 on, away from other tests' figures. */
    private static final AtomicInteger WEEK = new AtomicInteger();
    /** Who a task held by duty-manager may go to: another duty manager, or back to the duty managers' queue. */
    private static final List<String> MOVABLE_TO = List.of("duty-manager-2", "queue");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    TaskList taskList;

    @Property(tries = 20)
    void workMovesOnThePageOnlyToSomeoneWhoCanDoItWithAnyReasonKeptExactly(@ForAll("people") String to,
            @ForAll("reasons") String reason) throws Exception {
        String reference = newEnquiry();
        String task = heldTriage(reference);

        MvcResult answer = mvc.perform(post("/oversight/work/" + task).param("from", "duty-manager").param("to", to)
                .param("reason", reason).with(user(person("manager"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        if (storable(reason, 1, 1000) && MOVABLE_TO.contains(to)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/oversight/drift");
            assertThat(holder(task)).isEqualTo("queue".equals(to) ? null : to);
            assertThat(transfer(reference)).get().satisfies(event ->
                    assertThat(event.detail("reason")).isEqualTo(reason.strip()));
            assertShownEscaped(page("/enquiries/" + reference + "/chronology"), reason.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(to + reason), !storable(reason, 1, 1000) ? "reason" : "to");
            assertThat(holder(task)).as("nothing moved").isEqualTo("duty-manager");
            assertThat(transfer(reference)).isEmpty();
        }
    }

    /** Found by the property above: with nobody chosen, a reason too long was not named until a second try. */
    @Example
    void aMoveWithNobodyChosenAndTooLongAReasonNamesBothAtOnce() throws Exception {
        String task = heldTriage(newEnquiry());

        MvcResult answer = mvc.perform(post("/oversight/work/" + task).param("from", "duty-manager").param("to", "")
                .param("reason", "x".repeat(1001)).with(user(person("manager"))).with(csrf())).andReturn();

        assertRefusedOnPage(answer, false, "to");
        assertRefusedOnPage(answer, false, "reason");
        assertThat(holder(task)).as("nothing moved").isEqualTo("duty-manager");
    }

    @Property(tries = 15)
    void theApiMovesWorkOnlyToSomeoneWhoCanDoItOrAnswers400NamingTheField(@ForAll("people") String to,
            @ForAll("reasons") String reason) {
        String reference = newEnquiry();
        String task = heldTriage(reference);
        Map<String, Object> move = new HashMap<>(Map.of("from", "duty-manager", "reason", reason));
        if (!"queue".equals(to)) {
            move.put("to", to);
        }

        ResponseEntity<JsonNode> answer = postJson("manager", "/api/work/" + task + "/transfer", move, JsonNode.class);

        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isLessThan(500);
        boolean toFine = "queue".equals(to) || to.isBlank() || "duty-manager-2".equals(to);
        if (storable(reason, 1, 1000) && toFine) {
            assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
            assertThat(holder(task)).isEqualTo("duty-manager-2".equals(to) ? to : null);
            assertThat(transfer(reference)).get().satisfies(event ->
                    assertThat(event.detail("reason")).isEqualTo(reason.strip()));
        } else {
            assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(answer.getBody().toString()).contains(!storable(reason, 1, 1000) ? "reason" : "to");
            assertThat(holder(task)).as("nothing moved").isEqualTo("duty-manager");
            assertThat(transfer(reference)).isEmpty();
        }
    }

    @Property(tries = 15)
    void anyCommentaryIsKeptExactlyOrTheFormSaysWhatToChange(@ForAll("commentaries") String commentary)
            throws Exception {
        LocalDate from = LocalDate.of(2071, 1, 5).plusWeeks(WEEK.getAndIncrement());

        MvcResult answer = mvc.perform(commentary(from, commentary, "manager")).andReturn();

        assertNoServerError(answer);
        if (storable(commentary, 1, 10_000)) {
            assertThat(answer.getResponse().getRedirectedUrl())
                    .isEqualTo("/figures/report?from=" + from + "&to=" + from.plusDays(6));
            assertThat(kept(from)).contains(commentary.strip());
            assertShownEscaped(mvc.perform(get("/figures/report").param("from", from.toString())
                    .param("to", from.plusDays(6).toString()).with(user(person("manager")))).andReturn()
                    .getResponse().getContentAsString(), commentary.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(commentary), "commentary");
            assertThat(kept(from)).as("nothing saved").isEmpty();
        }
    }

    @Example
    void anOfficerWithTheLongestNameTheAccountsAllowSignsTheCommentary() throws Exception {
        String username = "long-named-manager-" + ProcessHandle.current().pid();
        String name = HostileInput.ofLength(200);
        if (staff.find(username).isEmpty()) {
            staff.addAccount(username, "demo", name, Role.MANAGER, null);
        }
        LocalDate from = LocalDate.of(2070, 6, 1);

        MvcResult answer = mvc.perform(commentary(from, "Enquiries rose in the first week of June.", username))
                .andReturn();

        assertNoServerError(answer);
        assertThat(kept(from)).contains("Enquiries rose in the first week of June.");
        assertShownEscaped(mvc.perform(get("/figures/report").param("from", from.toString())
                .param("to", from.plusDays(6).toString()).with(user(person("manager")))).andReturn()
                .getResponse().getContentAsString(), name);
    }

    @Provide
    Arbitrary<String> people() {
        return Arbitraries.oneOf(Arbitraries.of(MOVABLE_TO), Arbitraries.of(MOVABLE_TO), Arbitraries.of("", " ",
                "duty-manager", "school-a", "admin", "manager", "duty-manager-2 ", "DUTY-MANAGER-2", "no-such-person",
                "duty-manager-2\u0000", "<script>alert(1)</script>", "' or '1'='1"), HostileInput.text(0, 30));
    }

    @Provide
    Arbitrary<String> reasons() {
        return HostileInput.textFor(1000);
    }

    @Provide
    Arbitrary<String> commentaries() {
        return HostileInput.textFor(10_000);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder commentary(LocalDate from,
            String text, String username) {
        return post("/figures/report/commentary").param("from", from.toString()).param("to", from.plusDays(6).toString())
                .param("commentary", text).with(user(person(username))).with(csrf());
    }

    private Optional<String> kept(LocalDate from) {
        return jdbc.sql("select commentary from scrutiny_commentary where period_from = ? and period_to = ?")
                .params(from, from.plusDays(6)).query(String.class).optional();
    }

    private String newEnquiry() {
        return enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty()).reference();
    }

    /** The enquiry's triage task, claimed by duty-manager. */
    private String heldTriage(String reference) {
        String task = taskList.workOn(person("duty-manager"), reference).get(0).id();
        taskList.claim(task, person("duty-manager"));
        return task;
    }

    private String holder(String task) {
        return processEngine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee();
    }

    private Optional<CaseEvent> transfer(String reference) {
        return caseRecord.eventsAbout(reference).stream().filter(event -> event.kind() == CaseEventKind.WORK_TRANSFERRED)
                .findFirst();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(person("duty-manager")))).andReturn().getResponse().getContentAsString();
    }
}
