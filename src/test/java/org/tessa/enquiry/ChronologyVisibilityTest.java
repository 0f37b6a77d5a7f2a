package org.tessa.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.TessaIntegrationTest;
import org.tessa.panel.PanelFixtures;
import org.tessa.partner.PartnerActionProcess;
import org.tessa.people.PartnerDirectory;
import org.tessa.plan.PlanService;

/** Each reader sees exactly the part of a child's chronology meant for them. */
class ChronologyVisibilityTest extends TessaIntegrationTest {

    @Autowired
    PanelFixtures fixtures;

    @Autowired
    PlanService plans;

    @Autowired
    PartnerDirectory partners;

    @Autowired
    EnquiryUpdates updates;

    @Autowired
    MockMvc mvc;

    String reference;

    @BeforeEach
    void aMultiAgencyPlanWithTwoPartnersAndACaseNote() {
        reference = fixtures.multiAgency("2052-02-04T09:00", "2052-02-11T10:00").getBusinessKey();
        var panelMember = person("panel-member");
        plans.addAction(reference, panelMember, "Six-week parenting course for mum", null,
                organisation("Parr Family Hub parenting service"), LocalDate.of(2052, 3, 1));
        plans.addAction(reference, panelMember, "Health check with the school nurse", null,
                organisation("School nursing team"), LocalDate.of(2052, 2, 25));
        plans.updateDetails(reference, panelMember, "Ellie is in school every day.",
                "Dear Ellie, your mum will join a course and the school nurse will see you.",
                "If nothing changes, the panel meets again.", LocalDate.of(2052, 4, 1));
        plans.confirm(reference, panelMember);
        await().atMost(Duration.ofSeconds(30)).until(() -> processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PartnerActionProcess.PROCESS_KEY).processInstanceBusinessKey(reference).count() == 2);
        updates.addCaseNote(reference, "Mum asked that letters go to her work address.", panelMember);
    }

    @Test
    void theSchoolSeesWhatHappenedButNotThePanelsWorkingOrTheNotes() throws Exception {
        assertThat(kinds("school-a")).contains("ENQUIRY_RECEIVED", "PANEL_DECIDED", "PLAN_CONFIRMED")
                .doesNotContain("PLACED_ON_AGENDA", "PLAN_DRAFTED", "CASE_NOTE_ADDED", "ACTION_QUEUED");
        assertThat(mvc.perform(get("/enquiries/" + reference + "/chronology").with(user(person("school-a"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Panel decision").doesNotContain("/panel/cases/");
    }

    @Test
    void anotherSchoolIsAnsweredAsIfThereWereNoSuchEnquiry() {
        assertThat(as("school-b").getForEntity("/api/enquiries/" + reference + "/chronology", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("school-b").getForEntity("/api/enquiries/NO-SUCH-REF/chronology", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPartnerSeesThePlanAndItsOwnActionOnly() {
        JsonNode seen = chronology("partner");
        assertThat(seen.findValuesAsText("kind")).contains("PLAN_CONFIRMED")
                .doesNotContain("ENQUIRY_RECEIVED", "PANEL_DECIDED", "CASE_NOTE_ADDED", "PLAN_DRAFTED");
        List<String> actions = summariesOf(seen, "ACTION_QUEUED");
        assertThat(actions).singleElement().asString().contains("parenting course").doesNotContain("school nurse");
        assertThat(as(partnerWithoutAnAction()).getForEntity("/api/enquiries/" + reference + "/chronology", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theLeadProfessionalAndThePanelSeeTheWholeCase() {
        for (String who : List.of("lead-professional", "panel-member", "duty-manager")) {
            assertThat(kinds(who)).as(who).contains("ENQUIRY_RECEIVED", "PLACED_ON_AGENDA", "PANEL_DECIDED",
                    "PLAN_DRAFTED", "PLAN_CONFIRMED", "CASE_NOTE_ADDED");
            assertThat(summariesOf(chronology(who), "ACTION_QUEUED")).as(who).hasSize(2);
        }
    }

    private List<String> kinds(String username) {
        return chronology(username).findValuesAsText("kind");
    }

    private JsonNode chronology(String username) {
        return as(username).getForObject("/api/enquiries/" + reference + "/chronology", JsonNode.class);
    }

    /** The summaries of one kind of event about this test's enquiry (the child's other enquiries left aside). */
    private List<String> summariesOf(JsonNode entries, String kind) {
        List<String> summaries = new java.util.ArrayList<>();
        entries.forEach(entry -> {
            if (entry.get("kind").asText().equals(kind) && entry.get("enquiryReference").asText().equals(reference)) {
                summaries.add(entry.get("summary").asText());
            }
        });
        return summaries;
    }

    private long organisation(String name) {
        return partners.all().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().id();
    }

    private String partnerWithoutAnAction() {
        try {
            staff.loadUserByUsername("youth-worker");
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException absent) {
            staff.addPartnerAccount("youth-worker", "demo", "youth-worker", organisation("Parr Youth Project"));
        }
        return "youth-worker";
    }
}
