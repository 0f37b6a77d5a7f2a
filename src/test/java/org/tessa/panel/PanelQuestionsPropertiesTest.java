package org.tessa.panel;

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
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tessa.HostileInput;
import org.tessa.TessaIntegrationTest;

/**
 * The panel's questions to a school and the school's answers, typed with anything: a question or answer that fits
 * once the spaces around it are stripped is kept exactly and shown escaped to the school and the panel; anything
 * else shows the form again naming the field, with nothing asked or answered; never a 500. Each property has its
 * own case at a meeting a fortnight apart from 2066 on, away from other tests' meetings.
 */
@JqwikSpringSupport
class PanelQuestionsPropertiesTest extends TessaIntegrationTest {

    private static final AtomicInteger FORTNIGHT = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    PanelFixtures fixtures;

    @Autowired
    PanelQuestions questions;

    private String reference;

    /** jqwik does not run JUnit's @AfterEach: the panel fixture pins the clock, so put it back. */
    @AfterProperty
    void backToTheRealTime() {
        clock.reset();
    }

    @Property(tries = 20)
    void anyQuestionIsAskedExactlyOrTheFormSaysWhatToChange(@ForAll("questionText") String question) throws Exception {
        String reference = atPanel();
        int asked = questions.questionsAbout(reference).size();

        MvcResult answer = mvc.perform(post("/enquiries/" + reference + "/questions").param("question", question)
                .with(user(person("panel-member"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        List<PanelQuestion> kept = questions.questionsAbout(reference);
        if (storable(question, 1, 2000)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/enquiries/" + reference + "/questions");
            assertThat(kept).hasSize(asked + 1);
            assertThat(kept.get(kept.size() - 1).question()).isEqualTo(question.strip());
            assertShownEscaped(page(reference, "school-a"), question.strip());
            questions.answer(reference, "Answered, so that the panel may ask again.", person("school-a"));
        } else {
            assertRefusedOnPage(answer, hasNul(question), "question");
            assertThat(kept).as("nothing asked").hasSize(asked);
        }
    }

    @Property(tries = 20)
    void anyAnswerIsKeptExactlyOrTheFormSaysWhatToChange(@ForAll("answerText") String typed) throws Exception {
        String reference = atPanel();
        if (questions.questionsAbout(reference).stream().noneMatch(PanelQuestion::open)) {
            questions.ask(reference, "Has attendance changed since the enquiry?", person("panel-member"));
        }

        MvcResult answer = mvc.perform(post("/enquiries/" + reference + "/questions/answer").param("answer", typed)
                .with(user(person("school-a"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        PanelQuestion last = questions.questionsAbout(reference).get(questions.questionsAbout(reference).size() - 1);
        if (storable(typed, 1, 5000)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/enquiries/" + reference);
            assertThat(last.answer()).isEqualTo(typed.strip());
            assertShownEscaped(page(reference, "panel-member"), typed.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(typed), "answer");
            assertThat(last.open()).as("the question is still open").isTrue();
            assertThat(last.answer()).isNull();
        }
    }

    @Example
    void aQuestionAndAnAnswerThatFitOnceTheirSpacesAreStrippedAreKept() throws Exception {
        String reference = atPanel();
        String question = HostileInput.ofLength(2000);
        String answer = HostileInput.ofLength(5000);

        mvc.perform(post("/enquiries/" + reference + "/questions").param("question", "  " + question + "\n")
                .with(user(person("panel-member"))).with(csrf())).andReturn();
        mvc.perform(post("/enquiries/" + reference + "/questions/answer").param("answer", "\t" + answer + "  ")
                .with(user(person("school-a"))).with(csrf())).andReturn();

        assertThat(questions.questionsAbout(reference)).singleElement().satisfies(kept -> {
            assertThat(kept.question()).isEqualTo(question);
            assertThat(kept.answer()).isEqualTo(answer);
        });
    }

    @Provide
    Arbitrary<String> questionText() {
        return HostileInput.textFor(2000);
    }

    @Provide
    Arbitrary<String> answerText() {
        return HostileInput.textFor(5000);
    }

    /** The property's case, at a meeting that has started. */
    private String atPanel() {
        if (reference == null) {
            LocalDate day = LocalDate.of(2066, 1, 5).plusWeeks(2L * FORTNIGHT.getAndIncrement());
            reference = fixtures.awaitingDecision(day + "T09:00", day.plusWeeks(1) + "T10:00").getBusinessKey();
            clock.reset();
        }
        return reference;
    }

    private String page(String reference, String username) throws Exception {
        return mvc.perform(get("/enquiries/" + reference + "/questions").with(user(person(username)))).andReturn()
                .getResponse().getContentAsString();
    }
}
