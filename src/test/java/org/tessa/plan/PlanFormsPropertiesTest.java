package org.tessa.plan;

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

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tessa.HostileInput;
import org.tessa.HostileInput.DateBoxes;
import org.tessa.TessaIntegrationTest;
import org.tessa.panel.PanelFixtures;

/**
 * The plan's forms filled in with anything: what the plan should achieve, the summary for the child, the
 * contingency, the review date, and each action with its agency and due date. Text within its column is kept
 * exactly and shown escaped; anything else is a form error naming the field and the plan is as it was; never a 500.
 * Then the review of a confirmed plan: any progress and next review date, kept exactly or refused naming the field.
 */
@JqwikSpringSupport
class PlanFormsPropertiesTest extends TessaIntegrationTest {

    /** Each property's plan comes from its own panel meeting, a fortnight apart from 2062 on. */
    private static final AtomicInteger FORTNIGHT = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    PanelFixtures fixtures;

    @Autowired
    PlanService plans;

    private String reference;

    /** jqwik does not run JUnit's @AfterEach: the panel fixture pins the clock, so put it back. */
    @AfterProperty
    void backToTheRealTime() {
        clock.reset();
    }

    @Property(tries = 20)
    void thePlanKeepsAnyTextExactlyOrTheFormSaysWhatToChange(@ForAll("long") String outcomes,
            @ForAll("long") String summaryForChild, @ForAll("short") String contingency, @ForAll("dates") DateBoxes review)
            throws Exception {
        String plan = plan();
        Plan before = plans.find(plan).orElseThrow();

        MvcResult answer = mvc.perform(post("/plans/" + plan + "/details").param("outcomesSought", outcomes)
                .param("summaryForChild", summaryForChild).param("contingency", contingency)
                .param("reviewDay", review.day()).param("reviewMonth", review.month()).param("reviewYear", review.year())
                .with(user(person("panel-member"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        boolean reviewFine = review.blank() || review.date().isPresent();
        if (fits(outcomes, 4000) && fits(summaryForChild, 4000) && fits(contingency, 2000) && reviewFine) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/plans/" + plan);
            Plan kept = plans.find(plan).orElseThrow();
            assertThat(kept.outcomesSought()).isEqualTo(keptAs(outcomes));
            assertThat(kept.summaryForChild()).isEqualTo(keptAs(summaryForChild));
            assertThat(kept.contingency()).isEqualTo(keptAs(contingency));
            assertThat(kept.reviewDate()).isEqualTo(review.date().orElse(null));
            if (kept.summaryForChild() != null) {
                assertShownEscaped(page("/plans/" + plan), kept.summaryForChild());
            }
        } else {
            boolean nul = hasNul(outcomes + summaryForChild + contingency) || review.hasNul();
            // every problem is shown at once: the text's as well as the review date's
            if (!reviewFine) {
                assertRefusedOnPage(answer, nul, "reviewDay");
            }
            if (!fits(outcomes, 4000)) {
                assertRefusedOnPage(answer, nul, "outcomesSought");
            }
            if (!fits(summaryForChild, 4000)) {
                assertRefusedOnPage(answer, nul, "summaryForChild");
            }
            if (!fits(contingency, 2000)) {
                assertRefusedOnPage(answer, nul, "contingency");
            }
            assertThat(plans.find(plan).orElseThrow()).as("the plan is as it was").isEqualTo(before);
        }
    }

    @Property(tries = 12)
    void anActionKeepsAnyTextExactlyOrTheFormSaysWhatToChange(@ForAll("short") String description,
            @ForAll("agency") String agency, @ForAll("dates") DateBoxes due) throws Exception {
        String plan = plan();
        int actions = plans.find(plan).orElseThrow().actions().size();

        MvcResult answer = mvc.perform(post("/plans/" + plan + "/actions").param("description", description)
                .param("organisation", agency).param("dueDay", due.day()).param("dueMonth", due.month())
                .param("dueYear", due.year()).with(user(person("panel-member"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        boolean dueFine = due.date().filter(day -> !day.isBefore(LocalDate.now(clock).plusDays(1))).isPresent();
        boolean dueWrong = due.date().isEmpty() || due.date().get().isBefore(LocalDate.now(clock).minusDays(1));
        if (storable(description, 1, 1000) && storable(agency, 1, 200) && dueFine) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/plans/" + plan);
            Plan.Action kept = plans.find(plan).orElseThrow().actions().stream()
                    .max(java.util.Comparator.comparingLong(Plan.Action::id)).orElseThrow();
            assertThat(kept.description()).isEqualTo(description.strip());
            assertThat(kept.responsibleOrganisation()).isEqualTo(agency.strip());
            assertThat(kept.dueDate()).isEqualTo(due.date().get());
            String page = page("/plans/" + plan);
            assertShownEscaped(page, description.strip());
            assertShownEscaped(page, agency.strip());
        } else if (!storable(description, 1, 1000) || !storable(agency, 1, 200) || dueWrong) {
            assertRefusedOnPage(answer, hasNul(description + agency) || due.hasNul(),
                    !storable(description, 1, 1000) ? "description" : !storable(agency, 1, 200) ? "partnerOrganisation" : "dueDay");
            assertThat(plans.find(plan).orElseThrow().actions()).as("nothing added").hasSize(actions);
        }
    }

    @Property(tries = 15)
    void aReviewKeepsAnyProgressExactlyOrTheFormSaysWhatToChange(@ForAll("long") String progress,
            @ForAll("dates") DateBoxes next) throws Exception {
        String task = reviewTask();
        int reviews = plans.find(reference).orElseThrow().reviews().size();

        MvcResult answer = mvc.perform(post("/tasks/" + task + "/complete").param("progress", progress)
                .param("reviewOutcome", "CONTINUE").param("nextReviewDate-day", next.day())
                .param("nextReviewDate-month", next.month()).param("nextReviewDate-year", next.year())
                .with(user(person("lead-professional"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        LocalDate today = LocalDate.now(clock);
        boolean nextFine = next.date().filter(day -> day.isAfter(today.plusDays(1))).isPresent();
        boolean nextWrong = next.date().filter(day -> day.isAfter(today.minusDays(1))).isEmpty();
        List<Plan.Review> kept = plans.find(reference).orElseThrow().reviews();
        if (storable(progress, 10, 4000) && nextFine) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
            assertThat(kept).hasSize(reviews + 1);
            assertThat(kept).anySatisfy(review -> {
                assertThat(review.progress()).isEqualTo(progress.strip());
                assertThat(review.nextReviewDate()).isEqualTo(next.date().get());
            });
            assertThat(plans.find(reference).orElseThrow().reviewDate()).isEqualTo(next.date().get());
        } else if (!storable(progress, 10, 4000) || nextWrong) {
            assertRefusedOnPage(answer, hasNul(progress) || next.hasNul(),
                    !storable(progress, 10, 4000) ? "progress" : "nextReviewDate-day");
            assertThat(kept).as("nothing reviewed").hasSize(reviews);
            assertThat(processEngine.getTaskService().createTaskQuery().taskId(task).count()).as("the task is still open")
                    .isOne();
        }
    }

    @Provide("long")
    Arbitrary<String> longText() {
        return HostileInput.textFor(4000);
    }

    @Provide("short")
    Arbitrary<String> shortText() {
        return HostileInput.textFor(1000);
    }

    @Provide
    Arbitrary<String> agency() {
        return HostileInput.lineFor(200);
    }

    @Provide
    Arbitrary<DateBoxes> dates() {
        return HostileInput.dateBoxes(LocalDate.now().plusDays(30));
    }

    /** Blank text clears the field; other text must fit its column and hold no NUL. */
    private static boolean fits(String text, int limit) {
        return text.isBlank() || storable(text, 1, limit);
    }

    private static String keptAs(String text) {
        return text.isBlank() ? null : text.strip();
    }

    /** One draft plan for the property, written by the panel. */
    private String plan() {
        if (reference == null) {
            LocalDate day = LocalDate.of(2062, 1, 2).plusWeeks(2L * FORTNIGHT.getAndIncrement());
            reference = fixtures.multiAgency(day + "T09:00", day.plusWeeks(1) + "T10:00").getBusinessKey();
            clock.reset();
        }
        return reference;
    }

    /** The review of the property's confirmed plan, waiting for its lead professional: the next one once one is done. */
    private String reviewTask() {
        if (reference == null) {
            LocalDate day = LocalDate.of(2068, 1, 3).plusWeeks(2L * FORTNIGHT.getAndIncrement());
            var panelCase = fixtures.multiAgency(day + "T09:00", day.plusWeeks(1) + "T10:00");
            reference = panelCase.getBusinessKey();
            var panelMember = person("panel-member");
            plans.addAction(reference, panelMember, "Six-week parenting course for mum", "Parr Family Hub", null,
                    day.plusMonths(1));
            plans.updateDetails(reference, panelMember, "Ellie is in school every day.", "Dear Ellie, we met.",
                    "If nothing changes, the panel meets again.", day.plusMonths(2));
            plans.confirm(reference, panelMember);
            clock.reset();
            reviewedCase = panelCase.getId();
        }
        return fixtures.planReviewTask(reviewedCase);
    }

    private String reviewedCase;

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(person("panel-member")))).andReturn().getResponse().getContentAsString();
    }
}
