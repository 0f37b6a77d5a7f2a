package org.tessa.signposting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tessa.HostileInput.hasNul;
import static org.tessa.HostileInput.storable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.HostileInput;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;
import org.tessa.tasklist.TaskList;

/**
 * The MASH's system account reporting its decision through the API ({@code POST /api/portals/MASH/decisions}),
 * sent anything as JSON: a decision TESSA knows, with a reference that fits, is kept exactly (204) and shown on the
 * enquiry's signposts; any other value, of any JSON type, is a 400 problem+json naming the field, and a reference
 * to an enquiry not referred to the MASH a 404; either way the referral still waits for its decision. Never a 500.
 * Each try has an enquiry of its own, its referral confirmed by a duty manager.
 */
@JqwikSpringSupport
class PortalDecisionApiPropertiesTest extends TessaIntegrationTest {

    private static final List<String> DECISIONS = Arrays.stream(MashDecision.values()).map(Enum::name).toList();

    @Autowired
    MockMvc mvc;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    SignpostService signposts;

    @Autowired
    TaskList taskList;

    @Property(tries = 15)
    void aMashDecisionIsKeptExactlyOrRefusedNamingTheField(@ForAll("enquiryReferences") Object typedReference,
            @ForAll("decisions") Object decision, @ForAll("references") Object mashReference) throws Exception {
        String reference = awaitingTheMashsDecision();
        Object enquiryReference = "{reference}".equals(typedReference) ? reference : typedReference;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enquiryReference", enquiryReference);
        body.put("decision", decision);
        body.put("reference", mashReference);

        ResponseEntity<JsonNode> answer = postJson("mash-system", "/api/portals/MASH/decisions", body, JsonNode.class);

        int status = answer.getStatusCode().value();
        String shown = String.valueOf(answer.getBody());
        assertThat(status).as(shown).isLessThan(500);
        boolean referenceFine = asText(mashReference) != null && storable(asText(mashReference), 1, 100);
        boolean decisionFine = decision instanceof String text && DECISIONS.contains(text.strip());
        boolean enquiryFine = asText(enquiryReference) != null && !asText(enquiryReference).isBlank()
                && !hasNul(asText(enquiryReference));
        Signpost kept = mash(reference);
        if (referenceFine && decisionFine && enquiryFine) {
            if (reference.equals(enquiryReference)) {
                assertThat(status).as(shown).isEqualTo(204);
                assertThat(kept.decision()).hasToString(((String) decision).strip());
                assertThat(kept.decisionReference()).isEqualTo(asText(mashReference).strip());
                assertThat(kept.status()).isEqualTo(SignpostStatus.DECIDED);
                String page = mvc.perform(get("/enquiries/" + reference + "/signposts").with(user(person("duty-manager"))))
                        .andReturn().getResponse().getContentAsString();
                HostileInput.assertShownEscaped(page, MashDecision.valueOf(((String) decision).strip()).label());
                return;
            }
            assertThat(status).as("no referral of that enquiry to the MASH: " + shown).isEqualTo(404);
        } else {
            assertThat(status).as(shown).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
            List<String> wrong = Map.of("enquiryReference", enquiryFine, "decision", decisionFine, "reference",
                    referenceFine).entrySet().stream().filter(field -> !field.getValue()).map(Map.Entry::getKey).toList();
            assertThat(wrong).as(shown).anySatisfy(field -> assertThat(shown.contains("\"field\":\"" + field + "\"")
                    || shown.contains("'" + field + "'")).isTrue());
        }
        assertThat(kept.decision()).as("nothing decided").isNull();
        assertThat(kept.decisionReference()).isNull();
        assertThat(kept.status()).isEqualTo(SignpostStatus.AWAITING_DECISION);
    }

    @Example
    void aDecisionGivenAsANumberIsRefusedRatherThanReadAsThePlaceOfOneInTheList() throws Exception {
        for (Object decision : new Object[] {0, 1, "0", "3"}) {
            aMashDecisionIsKeptExactlyOrRefusedNamingTheField("{reference}", decision, "MASH-D-" + decision);
        }
        aMashDecisionIsKeptExactlyOrRefusedNamingTheField("{reference}", "EARLY_HELP", List.of("MASH-D-1"));
    }

    /** What JSON's numbers and booleans are read as where the API takes text: the text they are written as. */
    private static String asText(Object value) {
        return value instanceof Number || value instanceof Boolean ? String.valueOf(value)
                : value instanceof String text ? text : null;
    }

    @Provide
    Arbitrary<Object> enquiryReferences() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, Arbitraries.<Object>just("{reference}")),
                net.jqwik.api.Tuple.of(1, HostileInput.lineFor(30).map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, Arbitraries.<Object>of("ENQ-0000-00000", "ENQ-%", "' OR 1=1 --", "", " ",
                        "ENQ\u0000", 7, true, List.of("x")).injectNull(0.2)));
    }

    @Provide
    Arbitrary<Object> decisions() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, Arbitraries.of(DECISIONS).map(Object.class::cast)),
                net.jqwik.api.Tuple.of(2, Arbitraries.<Object>of("", "early_help", "EARLY_HELP ", "<b>EARLY_HELP</b>",
                        "EARLY_HELP\u0000", "DROP TABLE signpost", "0", 0, 1, true, List.of("EARLY_HELP"),
                        Map.of("decision", "EARLY_HELP")).injectNull(0.2)));
    }

    @Provide
    Arbitrary<Object> references() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, HostileInput.lineFor(100).map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, Arbitraries.<Object>of(12345, 1.5, false, List.of("MASH-1"), Map.of("ref", "x"))
                        .injectNull(0.3)));
    }

    /** A new enquiry referred to the MASH, the referral confirmed with the MASH's reference: waiting for its decision. */
    private String awaitingTheMashsDecision() {
        String reference = enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty())
                .reference();
        signposts.plan(reference, List.of("MASH"), null);
        ProcessInstance signpost = processEngine.getRuntimeService().startProcessInstanceByKey(
                SignpostingProcess.PROCESS_KEY, reference, Map.of(SignpostingProcess.PORTAL, "MASH", "enquiryReference", reference));
        String confirm = processEngine.getTaskService().createTaskQuery().processInstanceId(signpost.getId())
                .taskDefinitionKey(SignpostingProcess.TASK_CONFIRM_MASH_REFERRAL).singleResult().getId();
        taskList.claim(confirm, person("duty-manager"));
        taskList.complete(confirm, person("duty-manager"), Map.of("mashReference", "MASH-2066-0001"));
        return reference;
    }

    private Signpost mash(String reference) {
        return signposts.signpostsFor(reference).stream().filter(s -> s.portal().code().equals("MASH")).findFirst()
                .orElseThrow();
    }
}
