package org.tessa.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tessa.HostileInput.hasNul;
import static org.tessa.HostileInput.storable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tessa.HostileInput;
import org.tessa.TessaIntegrationTest;
import org.tessa.panel.PanelFixtures;
import org.tessa.partner.PartnerActionProcess;
import org.tessa.plan.ActionStatus;
import org.tessa.plan.Plan;
import org.tessa.plan.PlanService;

/**
 * The task API ({@code POST /api/tasks/{id}/complete}) for the task forms besides triage, sent anything as JSON: the
 * panel's decision, a partner's update on an action, and the review of a plan. Values the form takes are kept
 * exactly (204); any other value, of any JSON type, is a 400 problem+json naming the field, with nothing decided
 * and the task still open. Never a 500. Each property has its own meetings, a fortnight apart from 2074 on.
 */
@JqwikSpringSupport
class TaskApiPropertiesTest extends TessaIntegrationTest {

    private static final AtomicInteger FORTNIGHT = new AtomicInteger();
    private static final AtomicInteger ACTIONS = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskList taskList;

    @Autowired
    PanelFixtures panel;

    @Autowired
    PlanService plans;

    private String reference;
    private String reviewedCase;

    /** jqwik does not run JUnit's @AfterEach: the panel fixture pins the clock, so put it back. */
    @AfterProperty
    void backToTheRealTime() {
        clock.reset();
    }

    @Property(tries = 12)
    void thePanelsDecisionThroughTheApiIsKeptExactlyOrRefusedNamingTheField(@ForAll("panelText") Object rationale,
            @ForAll("panelText") Object reason, @ForAll("panelLine") Object attendees) {
        LocalDate day = LocalDate.of(2074, 1, 3).plusWeeks(2L * FORTNIGHT.getAndIncrement());
        var panelCase = panel.awaitingDecision(day + "T09:00", day.plusWeeks(1) + "T10:00");
        String reference = panelCase.getBusinessKey();
        String task = processEngine.getTaskService().createTaskQuery().processInstanceId(panelCase.getId()).singleResult().getId();
        taskList.claim(task, person("panel-member"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("panelDecision", "DEFER");
        body.put("deferralReason", reason);
        body.put("rationale", rationale);
        body.put("attendees", attendees);

        ResponseEntity<JsonNode> answer = postJson("panel-member", "/api/tasks/" + task + "/complete", body, JsonNode.class);

        var kept = jdbc.sql("select rationale, deferral_reason, attendees from panel_decision where enquiry_reference = ?")
                .param(reference).query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        List<String> wrong = wrong(Map.of("deferralReason", text(reason, 10, 1000), "rationale", text(rationale, 10, 5000),
                "attendees", text(attendees, 1, 1000)));
        if (wrong.isEmpty()) {
            assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(204);
            assertThat(kept).singleElement().satisfies(row -> {
                assertThat(row[0]).isEqualTo(((String) rationale).strip());
                assertThat(row[1]).isEqualTo(((String) reason).strip());
                assertThat(row[2]).isEqualTo(((String) attendees).strip());
            });
        } else {
            assertRefusedOnApi(answer, wrong);
            assertThat(kept).as("nothing decided").isEmpty();
            assertThat(processEngine.getTaskService().createTaskQuery().taskId(task).count()).as("the task is still open").isOne();
        }
    }

    @Property(tries = 15)
    void aPartnersUpdateThroughTheApiIsKeptExactlyOrRefusedNamingTheField(@ForAll("updates") Object update,
            @ForAll("outcomes") Object outcome, @ForAll("notes") Object note) {
        long action = newAction();
        String task = partnerTask(action);
        taskList.claim(task, person("partner"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerUpdate", update);
        if (outcome != null) {
            body.put("actionOutcome", outcome);
        }
        body.put("note", note);

        ResponseEntity<JsonNode> answer = postJson("partner", "/api/tasks/" + task + "/complete", body, JsonNode.class);

        boolean completes = "COMPLETED".equals(update);
        List<String> wrong = wrong(Map.of("partnerUpdate", PanelFixtures.PARTNER_UPDATES.contains(update),
                "actionOutcome", !completes || outcome != null && PanelFixtures.ACTION_OUTCOMES.contains(outcome), "note", text(note, 5, 2000)));
        Plan.Action kept = plans.action(action).orElseThrow().action();
        if (wrong.isEmpty()) {
            assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(204);
            assertThat(kept.latestNote()).isEqualTo(((String) note).strip());
            assertThat(kept.outcome() == null ? null : kept.outcome().name()).isEqualTo(completes ? outcome : null);
            assertThat(kept.status()).isNotEqualTo(ActionStatus.AGREED);
        } else {
            assertRefusedOnApi(answer, wrong);
            assertThat(kept.status()).as("the action is as it was").isEqualTo(ActionStatus.AGREED);
            assertThat(kept.latestNote()).isNull();
            assertThat(processEngine.getTaskService().createTaskQuery().taskId(task).count()).as("the task is still open").isOne();
        }
    }

    @Property(tries = 15)
    void aPlanReviewThroughTheApiKeepsAnyProgressAndDateExactlyOrIsRefusedNamingTheField(
            @ForAll("progress") Object progress, @ForAll("isoDates") Object next) {
        String task = reviewTask();
        int reviews = plans.find(reference).orElseThrow().reviews().size();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("progress", progress);
        body.put("reviewOutcome", "CONTINUE");
        body.put("nextReviewDate", next);

        ResponseEntity<JsonNode> answer = postJson("lead-professional", "/api/tasks/" + task + "/complete", body,
                JsonNode.class);

        LocalDate today = LocalDate.now(clock);
        Optional<LocalDate> date = isoDate(next).filter(day -> day.getYear() <= 9999);
        boolean dateFine = date.filter(day -> day.isAfter(today.plusDays(1))).isPresent();
        boolean dateWrong = date.filter(day -> day.isAfter(today.minusDays(1))).isEmpty();
        List<Plan.Review> kept = plans.find(reference).orElseThrow().reviews();
        if (text(progress, 10, 4000) && dateFine) {
            assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(204);
            assertThat(kept).hasSize(reviews + 1).anySatisfy(review -> {
                assertThat(review.progress()).isEqualTo(((String) progress).strip());
                assertThat(review.nextReviewDate()).isEqualTo(date.get());
            });
            assertThat(plans.find(reference).orElseThrow().reviewDate()).isEqualTo(date.get());
        } else if (!text(progress, 10, 4000) || dateWrong) {
            // (today and tomorrow are at the edge of the day in London and in UTC: either answer is fair for them)
            assertRefusedOnApi(answer, wrong(Map.of("progress", text(progress, 10, 4000), "nextReviewDate", !dateWrong)));
            assertThat(kept).as("nothing reviewed").hasSize(reviews);
            assertThat(processEngine.getTaskService().createTaskQuery().taskId(task).count()).as("the task is still open").isOne();
        }
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isLessThan(500);
    }

    @Example
    void aReviewDateBeyondTheYear9999IsRefusedNamingTheField() {
        for (String far : new String[] {"+10000-01-01", "+999999999-12-31"}) {
            aPlanReviewThroughTheApiKeepsAnyProgressAndDateExactlyOrIsRefusedNamingTheField("Ellie is in school most days.", far);
        }
    }

    @Provide
    Arbitrary<Object> panelText() {
        return withOtherJson(HostileInput.textFor(1000));
    }

    @Provide
    Arbitrary<Object> panelLine() {
        return withOtherJson(HostileInput.lineFor(1000));
    }

    @Provide
    Arbitrary<Object> notes() {
        return withOtherJson(HostileInput.textFor(2000));
    }

    @Provide
    Arbitrary<Object> progress() {
        return withOtherJson(HostileInput.textFor(4000));
    }

    @Provide
    Arbitrary<Object> updates() {
        return Arbitraries.oneOf(Arbitraries.<Object>of(PanelFixtures.PARTNER_UPDATES.toArray()), Arbitraries.<Object>of(PanelFixtures.PARTNER_UPDATES.toArray()),
                Arbitraries.<Object>of("", "accepted", "ACCEPTED ", "<b>COMPLETED</b>", "COMPLETED\u0000",
                        "DROP TABLE plan_action", 1, true, List.of("ACCEPTED")));
    }

    @Provide
    Arbitrary<Object> outcomes() {
        return Arbitraries.oneOf(Arbitraries.<Object>of(PanelFixtures.ACTION_OUTCOMES.toArray()),
                Arbitraries.<Object>of("", "achieved", "MAYBE", "<i>x</i>", 3, false)).injectNull(0.3);
    }

    /** Dates as ISO text, near and far (past the year 9999 and before year 1), impossible, and not dates at all. */
    @Provide
    Arbitrary<Object> isoDates() {
        LocalDate around = LocalDate.now().plusDays(30);
        return Arbitraries.oneOf(Arbitraries.integers().between(-400, 400).map(days -> (Object) around.plusDays(days).toString()),
                Arbitraries.longs().between(-3_000_000, 3_000_000).map(days -> (Object) around.plusDays(days).toString()),
                Arbitraries.<Object>of("+10000-01-01", "+999999999-12-31", "-999999999-01-01", "9999-12-31", "2027-02-30",
                        "2027-13-01", "27/3/2027", "27 3 2027", "", " ", "tomorrow", "<b>2027-03-27</b>",
                        "2027-03-27\u0000", "2027-03-27T10:00", " 2099-03-27 ", "٢٠٢٧-٠٣-٢٧", 20270327, 1.5, true,
                        List.of("2027-03-27"), Map.of("day", 27)));
    }

    /** Text, and now and then a value of another JSON type: a number, a boolean, a list, an object, null. */
    private static Arbitrary<Object> withOtherJson(Arbitrary<String> text) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, text.map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, Arbitraries.<Object>of(42, 3.5, true, List.of("a list of text"),
                        Map.of("nested", "x")).injectNull(0.3)));
    }

    /** Whether the value is text the field keeps (or holds a NUL, which is refused naming the field all the same). */
    private static boolean text(Object value, int min, int max) {
        return value instanceof String string && storable(string, min, max);
    }

    private static boolean hasNul(Object value) {
        return value instanceof String string && HostileInput.hasNul(string);
    }

    /** The fields whose value is wrong, by name. */
    private static List<String> wrong(Map<String, Boolean> fine) {
        return fine.entrySet().stream().filter(field -> !field.getValue()).map(Map.Entry::getKey).sorted().toList();
    }

    private static Optional<LocalDate> isoDate(Object value) {
        try {
            return value instanceof String text && !hasNul(text) ? Optional.of(LocalDate.parse(text.strip())) : Optional.empty();
        } catch (java.time.format.DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /**
     * A 400 problem+json that names a wrong field: in its errors, or in its detail when the JSON could not be read
     * (a NUL stops the reading at the first field holding one).
     */
    private static void assertRefusedOnApi(ResponseEntity<JsonNode> answer, List<String> wrong) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        String body = answer.getBody().toString();
        assertThat(wrong).as(body).isNotEmpty().anySatisfy(field -> assertThat(
                body.contains("\"field\":\"" + field + "\"") || body.contains("'" + field + "'")).isTrue());
    }

    /** A new action for the parenting service on the property's confirmed plan (one plan for all its tries). */
    private long newAction() {
        return panel.parentingAction(confirmedPlan(), "Parenting course, part " + ACTIONS.incrementAndGet());
    }

    private String partnerTask(long action) {
        return panel.partnerTask(action, PartnerActionProcess.TASK_CARRY_OUT_ACTION).getId();
    }

    /** The review of the property's confirmed plan, waiting for its lead professional: the next one once one is done. */
    private String reviewTask() {
        confirmedPlan();
        return panel.planReviewTask(reviewedCase);
    }

    private String confirmedPlan() {
        if (reference == null) {
            var panelCase = panel.confirmedPlan(LocalDate.of(2075, 1, 4).plusWeeks(2L * FORTNIGHT.getAndIncrement()));
            reference = panelCase.getBusinessKey();
            reviewedCase = panelCase.getId();
        }
        return reference;
    }
}
