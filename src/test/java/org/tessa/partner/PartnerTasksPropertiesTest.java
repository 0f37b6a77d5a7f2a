package org.tessa.partner;

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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.spring.JqwikSpringSupport;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tessa.HostileInput;
import org.tessa.TessaIntegrationTest;
import org.tessa.panel.PanelFixtures;
import org.tessa.people.PartnerDirectory;
import org.tessa.people.PartnerOrganisation;
import org.tessa.plan.ActionStatus;
import org.tessa.plan.Plan;
import org.tessa.plan.PlanService;
import org.tessa.tasklist.TaskList;

/**
 * The partner action's task forms filled in with anything: a partner's update (accept, progress, decline, complete
 * with its outcome) and its note, the lead professional's choice of another organisation for a declined action,
 * and what they did to chase an overdue one. Valid values are kept exactly and shown escaped on the case summary;
 * anything else shows the form again naming the field, the action as it was and the task still open; never a 500.
 * Each property has its own confirmed plan, from a meeting a fortnight apart from 2067 on; each try its own action.
 */
@JqwikSpringSupport
class PartnerTasksPropertiesTest extends TessaIntegrationTest {

    private static final AtomicInteger FORTNIGHT = new AtomicInteger();
    private static final AtomicInteger ACTIONS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    PanelFixtures fixtures;

    @Autowired
    PlanService plans;

    @Autowired
    PartnerDirectory partners;

    @Autowired
    TaskList taskList;

    private String reference;

    /** jqwik does not run JUnit's @AfterEach: the panel fixture pins the clock, so put it back. */
    @AfterProperty
    void backToTheRealTime() {
        clock.reset();
    }

    @Property(tries = 20)
    void aPartnersUpdateIsKeptExactlyOrTheFormSaysWhatToChange(@ForAll("updates") String update,
            @ForAll("outcomes") String outcome, @ForAll("notes") String note) throws Exception {
        long action = newAction();
        Task task = task(action, PartnerActionProcess.TASK_CARRY_OUT_ACTION);
        taskList.claim(task.getId(), person("partner"));

        MockHttpServletRequestBuilder form = post("/tasks/" + task.getId() + "/complete").param("partnerUpdate", update)
                .param("note", note);
        if (outcome != null) {
            form.param("actionOutcome", outcome);
        }
        MvcResult answer = mvc.perform(form.with(user(person("partner"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        boolean completes = "COMPLETED".equals(update);
        boolean valid = PanelFixtures.PARTNER_UPDATES.contains(update) && storable(note, 5, 2000) && (!completes || outcome != null && PanelFixtures.ACTION_OUTCOMES.contains(outcome));
        Plan.Action kept = action(action);
        if (valid) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
            assertThat(kept.status()).isEqualTo(switch (update) {
                case "ACCEPTED" -> ActionStatus.ACCEPTED;
                case "PROGRESS" -> ActionStatus.IN_PROGRESS;
                case "DECLINED" -> ActionStatus.DECLINED;
                default -> ActionStatus.COMPLETED;
            });
            assertThat(kept.latestNote()).isEqualTo(note.strip());
            assertThat(kept.outcome() == null ? null : kept.outcome().name()).isEqualTo(completes ? outcome : null);
            assertShownEscaped(page("/cases/" + reference, "partner"), note.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(update + note + (outcome == null ? "" : outcome)),
                    !PanelFixtures.PARTNER_UPDATES.contains(update) ? "partnerUpdate" : !storable(note, 5, 2000) ? "note" : "actionOutcome");
            assertThat(kept.status()).as("the action is as it was").isEqualTo(ActionStatus.AGREED);
            assertThat(kept.latestNote()).isNull();
            assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count())
                    .as("the task is still open").isOne();
        }
    }

    @Property(tries = 12)
    void aDeclinedActionGoesOnlyToAnActivePartnerOrganisation(@ForAll("organisations") String chosen) throws Exception {
        long action = newAction();
        Task carryOut = task(action, PartnerActionProcess.TASK_CARRY_OUT_ACTION);
        taskList.claim(carryOut.getId(), person("partner"));
        taskList.complete(carryOut.getId(), person("partner"), java.util.Map.of("partnerUpdate", "DECLINED",
                "note", "We have no course running until September."));
        Task reassign = task(action, PartnerActionProcess.TASK_REASSIGN_ACTION);
        taskList.claim(reassign.getId(), person("lead-professional"));
        List<PartnerOrganisation> active = partners.active();
        String value = chosen.startsWith("active:")
                ? String.valueOf(active.get(Integer.parseInt(chosen.substring(7)) % active.size()).id()) : chosen;

        MvcResult answer = mvc.perform(post("/tasks/" + reassign.getId() + "/complete").param("partnerOrganisation", value)
                .with(user(person("lead-professional"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        var partner = active.stream().filter(p -> String.valueOf(p.id()).equals(value)).findFirst();
        Plan.Action kept = action(action);
        if (partner.isPresent()) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
            assertThat(kept.partnerOrganisationId()).isEqualTo(partner.get().id());
            assertThat(kept.responsibleOrganisation()).isEqualTo(partner.get().name());
            assertThat(kept.status()).isEqualTo(ActionStatus.AGREED);
            assertShownEscaped(page("/cases/" + reference, "lead-professional"), partner.get().name());
        } else {
            assertRefusedOnPage(answer, hasNul(value), "partnerOrganisation");
            assertThat(kept.status()).as("still declined, with its organisation").isEqualTo(ActionStatus.DECLINED);
            assertThat(kept.responsibleOrganisation()).isEqualTo(PanelFixtures.PARENTING);
        }
    }

    @Property(tries = 12)
    void whatWasDoneToChaseAnOverdueActionIsKeptExactlyOrTheFormSaysWhatToChange(@ForAll("notes") String chaseNote)
            throws Exception {
        long action = newAction();
        var process = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PartnerActionProcess.PROCESS_KEY)
                .variableValueEquals(PartnerActionProcess.ACTION_ID, action).singleResult();
        processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery()
                .processInstanceId(process.getId()).activityId(PartnerActionProcess.TIMER_ACTION_OVERDUE).singleResult()
                .getId());
        Task chase = task(action, PartnerActionProcess.TASK_CHASE_OVERDUE_ACTION);
        taskList.claim(chase.getId(), person("lead-professional"));

        MvcResult answer = mvc.perform(post("/tasks/" + chase.getId() + "/complete").param("chaseNote", chaseNote)
                .with(user(person("lead-professional"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        Plan.Action kept = action(action);
        if (storable(chaseNote, 10, 2000)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
            assertThat(kept.latestNote()).isEqualTo("Chased: " + chaseNote.strip());
            assertShownEscaped(page("/cases/" + reference, "lead-professional"), chaseNote.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(chaseNote), "chaseNote");
            assertThat(kept.latestNote()).as("nothing recorded").isNull();
            assertThat(processEngine.getTaskService().createTaskQuery().taskId(chase.getId()).count())
                    .as("the task is still open").isOne();
        }
    }

    @Example
    void theLongestChaseTheFormTakesIsKept() throws Exception {
        whatWasDoneToChaseAnOverdueActionIsKeptExactlyOrTheFormSaysWhatToChange(HostileInput.ofLength(2000));
    }

    @Provide
    Arbitrary<String> updates() {
        return Arbitraries.oneOf(Arbitraries.of(PanelFixtures.PARTNER_UPDATES), Arbitraries.of(PanelFixtures.PARTNER_UPDATES), Arbitraries.of("", "accepted",
                "ACCEPTED ", "<b>COMPLETED</b>", "COMPLETED\u0000", "DROP TABLE plan_action"));
    }

    @Provide
    Arbitrary<String> outcomes() {
        return Arbitraries.oneOf(Arbitraries.of(PanelFixtures.ACTION_OUTCOMES), Arbitraries.of("", "achieved", "MAYBE", "<i>x</i>")
                .injectNull(0.3));
    }

    @Provide
    Arbitrary<String> notes() {
        return HostileInput.textFor(2000);
    }

    @Provide
    Arbitrary<String> organisations() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 50).map(n -> "active:" + n),
                Arbitraries.of("", " ", "0", "-1", "abc", "1e3", "99999999999", "1.0", "<script>alert(1)</script>",
                        "1\u0000", "١"), HostileInput.text(0, 12));
    }

    /** A new action for the parenting service on the property's confirmed plan (one plan for all its tries). */
    private long newAction() {
        if (reference == null) {
            reference = fixtures.confirmedPlan(LocalDate.of(2067, 1, 4).plusWeeks(2L * FORTNIGHT.getAndIncrement()))
                    .getBusinessKey();
        }
        return fixtures.parentingAction(reference, "Parenting course, part " + ACTIONS.incrementAndGet());
    }

    private Task task(long action, String key) {
        return fixtures.partnerTask(action, key);
    }

    private Plan.Action action(long id) {
        return plans.action(id).orElseThrow().action();
    }

    private PartnerOrganisation organisation(String name) {
        return partners.all().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(user(person(username)))).andReturn().getResponse().getContentAsString();
    }
}
