package org.tessa.signposting;

import static org.tessa.caserecord.CaseEventKind.*;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Consent;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.NewEnquiry;
import org.tessa.oversight.Incidents;
import org.tessa.oversight.PortalIncident;

/** Referrals TESSA sends itself, against a real HTTP server standing in for the portals (WireMock). */
class PortalReferralTest extends TessaIntegrationTest {

    @RegisterExtension
    static WireMockExtension portalServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    PortalRegistry portals;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    SignpostService signposts;

    @Autowired
    Incidents incidents;

    @Autowired
    MockMvc mvc;

    @Test
    void aPortalDownForTheFirstCallsGetsExactlyOneReferral() throws Exception {
        String code = referralPortal("WM_FLAKY", EnumSet.of(SharedData.CHILD, SharedData.CONCERNS), false);
        String path = "/referrals/WM_FLAKY";
        portalServer.stubFor(post(path).inScenario(code).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("still down"));
        portalServer.stubFor(post(path).inScenario(code).whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        portalServer.stubFor(post(path).inScenario(code).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"reference\": \"FLAKY-0001\"}")));
        String reference = logEnquiry(Consent.GIVEN);

        start(reference, code, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> signpost(reference, code).status() == SignpostStatus.REFERRAL_SENT);
        assertThat(signpost(reference, code).acknowledgement()).isEqualTo("FLAKY-0001");
        portalServer.verify(3, postRequestedFor(urlEqualTo(path)));
        portalServer.verify(3, postRequestedFor(urlEqualTo(path)).withHeader("Idempotency-Key", equalTo(reference + ":" + code)));
        JsonNode referral = JSON.readTree(portalServer.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(referral.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("enquiryReference", "portal", "child", "concerns", "immediateRisk");
        assertThat(referral.at("/child/firstName").asText()).isEqualTo("Ellie");
        assertThat(caseRecord.eventsAbout(reference)).filteredOn(event -> event.kind() == REFERRAL_SENT)
                .as("recorded once, though sent three times").singleElement()
                .satisfies(event -> assertThat(event.summary()).contains("FLAKY-0001"));
    }

    @Test
    void aTimedOutReferralIsRetriedWithTheSameKeySoThePortalKeepsOne() {
        String code = referralPortal("WM_SLOW", EnumSet.of(SharedData.CHILD), false);
        String path = "/referrals/WM_SLOW";
        portalServer.stubFor(post(path).inScenario(code).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(201).withFixedDelay(4_000).withHeader("Content-Type", "application/json")
                        .withBody("{\"reference\": \"SLOW-1\"}")).willSetStateTo("received"));
        String reference = logEnquiry(Consent.GIVEN);
        portalServer.stubFor(post(path).inScenario(code).whenScenarioStateIs("received")
                .withHeader("Idempotency-Key", equalTo(reference + ":" + code))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"reference\": \"SLOW-1\"}")));

        start(reference, code, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> signpost(reference, code).status() == SignpostStatus.REFERRAL_SENT);
        assertThat(signpost(reference, code).acknowledgement()).isEqualTo("SLOW-1");
        portalServer.verify(2, postRequestedFor(urlEqualTo(path)).withHeader("Idempotency-Key", equalTo(reference + ":" + code)));
    }

    @Test
    void aPortalDownForGoodBecomesAnIncidentThatAnAdministratorRetries() throws Exception {
        String code = referralPortal("WM_DOWN", EnumSet.of(SharedData.CHILD), false);
        String path = "/referrals/WM_DOWN";
        portalServer.stubFor(post(path).willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        String reference = logEnquiry(Consent.GIVEN);

        ProcessInstance signpost = start(reference, code, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> incidentFor(reference).isPresent());
        PortalIncident incident = incidentFor(reference).orElseThrow();
        assertThat(incident.portal()).isEqualTo(code);
        assertThat(incident.step()).isEqualTo("Send referral to portal");
        assertThat(incident.error()).contains("503");
        portalServer.verify(3, postRequestedFor(urlEqualTo(path)));
        String page = mvc.perform(get("/admin/incidents").with(user(person("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(reference).contains(code).contains("Send referral to portal");
        mvc.perform(get("/admin/incidents").with(user(person("duty-manager")))).andExpect(status().isForbidden());
        assertThat(signpost(reference, code).status()).isEqualTo(SignpostStatus.PLANNED);

        portalServer.resetAll();
        portalServer.stubFor(post(path).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"reference\": \"BACK-7\"}")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/admin/incidents/" + incident.id() + "/retry").with(user(person("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection());

        await().atMost(Duration.ofSeconds(30)).until(() -> signpost(reference, code).status() == SignpostStatus.REFERRAL_SENT);
        assertThat(signpost(reference, code).acknowledgement()).isEqualTo("BACK-7");
        assertThat(incidentFor(reference)).isEmpty();
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(signpost.getId()).count()).isZero();
    }

    @Test
    void withoutConsentOrALawfulBasisAReferralBecomesGuidanceOnly() {
        String code = referralPortal("WM_NO_CONSENT", EnumSet.of(SharedData.CHILD), false);
        String reference = logEnquiry(Consent.NOT_GIVEN);

        start(reference, code, null);

        assertThat(signpost(reference, code).status()).isEqualTo(SignpostStatus.GUIDANCE_GIVEN);
        assertThat(signpost(reference, code).mode()).isEqualTo(PortalMode.GUIDANCE);
        portalServer.verify(0, postRequestedFor(urlEqualTo("/referrals/WM_NO_CONSENT")));
    }

    @Test
    void withALawfulBasisAReferralWithoutConsentGoesAheadAndSaysWhy() throws Exception {
        String code = referralPortal("WM_LAWFUL", EnumSet.of(SharedData.CHILD, SharedData.CONSENT), false);
        portalServer.stubFor(post("/referrals/WM_LAWFUL").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"reference\": \"LAW-1\"}")));
        String reference = logEnquiry(Consent.NOT_GIVEN);

        start(reference, code, "Education Act 1996 s.19: the child is missing education and at risk.");

        await().atMost(Duration.ofSeconds(30)).until(() -> signpost(reference, code).status() == SignpostStatus.REFERRAL_SENT);
        JsonNode referral = JSON.readTree(portalServer.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(referral.get("consent").asText()).isEqualTo("NOT_GIVEN");
        assertThat(referral.get("sharingWithoutConsent").asText()).startsWith("Education Act 1996");
    }

    @Test
    void theMashReportsItsDecisionThroughTheApiAndOnlyTheMashMay() {
        String code = referralPortal("WM_MASH", EnumSet.allOf(SharedData.class), true);
        portalServer.stubFor(post("/referrals/WM_MASH").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"reference\": \"MASH-REF-9\"}")));
        ensurePortalAccount("wm-mash-system", code);
        String reference = logEnquiry(Consent.GIVEN);
        ProcessInstance signpost = start(reference, code, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> signpost(reference, code).status() == SignpostStatus.AWAITING_DECISION);
        Map<String, Object> decision = Map.of("enquiryReference", reference, "decision", "SOCIAL_CARE_ASSESSMENT",
                "reference", "MASH-D-1");
        String endpoint = "/api/portals/" + code + "/decisions";

        assertThat(postJson("mash-system", endpoint, decision, JsonNode.class).getStatusCode())
                .as("another portal's account").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postJson("school-a", endpoint, decision, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postJson("wm-mash-system", endpoint, Map.of("enquiryReference", reference), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(signpost(reference, code).status()).isEqualTo(SignpostStatus.AWAITING_DECISION);

        assertThat(postJson("wm-mash-system", endpoint, decision, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(signpost(reference, code).decision()).isEqualTo(MashDecision.SOCIAL_CARE_ASSESSMENT);
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(signpost.getId()).count()).isZero();
        assertThat(postJson("wm-mash-system", endpoint, decision, JsonNode.class).getStatusCode())
                .as("a second decision").isEqualTo(HttpStatus.CONFLICT);
    }

    private String referralPortal(String code, Set<SharedData> shared, boolean safeguarding) {
        portals.save(new Portal(code, "Test portal " + code, "https://portal.example.org", "Test guidance.",
                PortalMode.REFERRAL, portalServer.baseUrl() + "/referrals/" + code, null, shared, safeguarding, false));
        return code;
    }

    private String logEnquiry(Consent consent) {
        NewEnquiry e = Enquiries.attendanceWorry();
        return enquiries.log(new NewEnquiry(null, e.child(), e.concerns(), e.summary(), false, consent, e.referrer(), null),
                person("school-a"), Channel.WEB, Optional.empty()).reference();
    }

    private ProcessInstance start(String reference, String portal, String sharingBasis) {
        signposts.plan(reference, List.of(portal), sharingBasis);
        return processEngine.getRuntimeService().startProcessInstanceByKey(SignpostingProcess.PROCESS_KEY, reference,
                Map.of(SignpostingProcess.PORTAL, portal, "enquiryReference", reference));
    }

    private Signpost signpost(String reference, String portal) {
        return signposts.signpostsFor(reference).stream()
                .filter(signpost -> signpost.portal().code().equals(portal)).findFirst().orElseThrow();
    }

    private Optional<PortalIncident> incidentFor(String reference) {
        return incidents.open().stream().filter(incident -> incident.enquiryReference().equals(reference)).findFirst();
    }

    private void ensurePortalAccount(String username, String portal) {
        try {
            staff.loadUserByUsername(username);
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException absent) {
            staff.addPortalAccount(username, "demo", "Test portal system", portal);
        }
    }
}
