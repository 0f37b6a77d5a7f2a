package org.tessa.signposting;

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

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tessa.HostileInput;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;
import org.tessa.tasklist.TaskList;

/**
 * The MASH task forms and the portals' configuration filled in with anything: the MASH reference a duty manager
 * records and what they did to chase a late decision are kept exactly and shown escaped, or the form comes back
 * naming the field with the task still open; an administrator's portal is kept exactly or refused naming the
 * field with nothing saved; never a 500. The portals added here are inactive, so no triage form offers them.
 */
@JqwikSpringSupport
class SignpostingFormsPropertiesTest extends TessaIntegrationTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    SignpostService signposts;

    @Autowired
    PortalRegistry portals;

    @Autowired
    TaskList taskList;

    @Property(tries = 15)
    void anyMashReferenceIsKeptExactlyOrTheFormSaysWhatToChange(@ForAll("references") String mashReference)
            throws Exception {
        String reference = newEnquiry();
        ProcessInstance signpost = signpostToTheMash(reference);
        Task confirm = task(signpost, SignpostingProcess.TASK_CONFIRM_MASH_REFERRAL);
        taskList.claim(confirm.getId(), person("duty-manager"));

        MvcResult answer = mvc.perform(post("/tasks/" + confirm.getId() + "/complete").param("mashReference", mashReference)
                .with(user(person("duty-manager"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        Signpost kept = mash(reference);
        if (storable(mashReference, 3, 100)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
            assertThat(kept.acknowledgement()).isEqualTo(mashReference.strip());
            assertThat(kept.status()).isEqualTo(SignpostStatus.AWAITING_DECISION);
            assertShownEscaped(page("/enquiries/" + reference + "/signposts", "school-a"), mashReference.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(mashReference), "mashReference");
            assertThat(kept.acknowledgement()).as("nothing recorded").isNull();
            assertThat(kept.status()).isEqualTo(SignpostStatus.AWAITING_MASH_CONFIRMATION);
        }
    }

    @Property(tries = 12)
    void whatWasDoneToChaseTheMashIsKeptExactlyOrTheFormSaysWhatToChange(@ForAll("notes") String chaseNote)
            throws Exception {
        String reference = newEnquiry();
        ProcessInstance signpost = signpostToTheMash(reference);
        Task confirm = task(signpost, SignpostingProcess.TASK_CONFIRM_MASH_REFERRAL);
        taskList.claim(confirm.getId(), person("duty-manager"));
        taskList.complete(confirm.getId(), person("duty-manager"), Map.of("mashReference", "MASH-2066-0001"));
        processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery()
                .processInstanceId(signpost.getId()).timers().singleResult().getId());
        Task chase = task(signpost, SignpostingProcess.TASK_CHASE_MASH_DECISION);
        taskList.claim(chase.getId(), person("duty-manager"));

        MvcResult answer = mvc.perform(post("/tasks/" + chase.getId() + "/complete").param("chaseNote", chaseNote)
                .with(user(person("duty-manager"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        if (storable(chaseNote, 10, 2000)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
            assertThat(mash(reference).chaseNote()).isEqualTo(chaseNote.strip());
            assertShownEscaped(page("/enquiries/" + reference + "/chronology", "duty-manager"), chaseNote.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(chaseNote), "chaseNote");
            assertThat(mash(reference).chaseNote()).as("nothing recorded").isNull();
            assertThat(processEngine.getTaskService().createTaskQuery().taskId(chase.getId()).count())
                    .as("the task is still open").isOne();
        }
    }

    @Property(tries = 20)
    void aPortalKeepsAnyNameAndGuidanceExactlyOrTheFormSaysWhatToChange(@ForAll("names") String name,
            @ForAll("links") String publicLink, @ForAll("guidance") String guidance, @ForAll("links") String endpoint,
            @ForAll("variables") String credentialVariable) throws Exception {
        String code = "PROPS_" + UNIQUE.incrementAndGet() + "_" + ProcessHandle.current().pid();

        MvcResult answer = mvc.perform(post("/admin/portals").param("code", code).param("name", name)
                .param("publicLink", publicLink).param("guidance", guidance).param("mode", "REFERRAL")
                .param("endpoint", endpoint).param("credentialVariable", credentialVariable)
                .param("sharedData", "CHILD", "SCHOOL").param("_active", "on").param("_safeguarding", "on")
                .param("_sharedData", "on").with(user(person("admin"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        String field = firstWrong(name, publicLink, guidance, endpoint, credentialVariable);
        if (field == null) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/admin/portals");
            Portal kept = portals.find(code).orElseThrow();
            assertThat(kept.name()).isEqualTo(name.strip());
            assertThat(kept.publicLink()).isEqualTo(publicLink.strip());
            assertThat(kept.guidance()).isEqualTo(guidance.strip());
            assertThat(kept.endpoint()).isEqualTo(endpoint.strip());
            assertThat(kept.credentialVariable()).isEqualTo(credentialVariable.isBlank() ? null : credentialVariable.strip());
            assertThat(kept.active()).as("no triage form offers it").isFalse();
            String edit = page("/admin/portals/" + code, "admin");
            assertShownEscaped(edit, name.strip());
            assertShownEscaped(edit, guidance.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(name + publicLink + guidance + endpoint + credentialVariable), field);
            assertThat(portals.find(code)).as("nothing saved").isEmpty();
        }
    }

    @Provide
    Arbitrary<String> references() {
        return Arbitraries.oneOf(HostileInput.lineFor(100), Arbitraries.of("MASH-2026-01234", "ab", "abc", " ab "));
    }

    @Provide
    Arbitrary<String> notes() {
        return HostileInput.textFor(2000);
    }

    @Provide
    Arbitrary<String> names() {
        return HostileInput.lineFor(100);
    }

    @Provide
    Arbitrary<String> guidance() {
        return HostileInput.textFor(2000);
    }

    @Provide
    Arbitrary<String> links() {
        return Arbitraries.oneOf(Arbitraries.of("https://portal.example.org/refer", " https://portal.example.org/a ",
                        "http://x", "www.example.org", "javascript:alert(1)", "https://x.example.org/<script>",
                        "https://x.example.org/a b", "https://x.example.org/\u0000", ""),
                HostileInput.text(0, 20).map(tail -> "https://portal.example.org/" + tail),
                Arbitraries.integers().between(485, 520).map(length -> "https://example.org/" + "a".repeat(length - 20)));
    }

    @Provide
    Arbitrary<String> variables() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "MASH_API_TOKEN", " MASH_API_TOKEN ", "mash_token", "1ABC",
                "A".repeat(100), "A".repeat(101), "TOKEN;rm -rf", "TOKEN\u0000"), HostileInput.text(0, 12));
    }

    /** The first field, in page order, the form should refuse; null if every value is fine. */
    private static String firstWrong(String name, String publicLink, String guidance, String endpoint,
            String variable) {
        if (!storable(name, 1, 100)) {
            return "name";
        }
        if (!link(publicLink)) {
            return "publicLink";
        }
        if (!storable(guidance, 1, 2000)) {
            return "guidance";
        }
        if (!link(endpoint)) {
            return "endpoint";
        }
        if (!variable.isBlank() && !variable.strip().matches("[A-Z_][A-Z0-9_]{0,99}")) {
            return "credentialVariable";
        }
        return null;
    }

    private static boolean link(String link) {
        return link.strip().matches("https?://\\S+") && link.strip().length() <= 500 && !HostileInput.hasNul(link);
    }

    private String newEnquiry() {
        return enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty()).reference();
    }

    private ProcessInstance signpostToTheMash(String reference) {
        signposts.plan(reference, List.of("MASH"), null);
        return processEngine.getRuntimeService().startProcessInstanceByKey(SignpostingProcess.PROCESS_KEY, reference,
                Map.of(SignpostingProcess.PORTAL, "MASH", "enquiryReference", reference));
    }

    private Task task(ProcessInstance signpost, String key) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(signpost.getId())
                .taskDefinitionKey(key).singleResult();
    }

    private Signpost mash(String reference) {
        return signposts.signpostsFor(reference).stream().filter(s -> s.portal().code().equals("MASH")).findFirst()
                .orElseThrow();
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(user(person(username)))).andReturn().getResponse().getContentAsString();
    }
}
