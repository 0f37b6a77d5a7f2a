package org.tessa.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Enquiries;
import org.tessa.panel.PanelFixtures;
import org.tessa.plan.PlanService;

/**
 * Text longer than its column, dates no calendar holds, a name already taken: each is a form error or a 400
 * that says what to change, and nothing is saved. (On PostgreSQL each of these answered 500.)
 */
class InputLimitsTest extends TessaIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PanelFixtures fixtures;

    @Autowired
    PlanService plans;

    @Autowired
    ColumnSizes columns;

    @Test
    void planTextLongerThanItsColumnIsAFormErrorAndNothingIsSaved() throws Exception {
        String reference = fixtures.multiAgency("2053-02-04T09:00", "2053-02-11T10:00").getBusinessKey();
        int limit = columns.of("support_plan", "outcomes_sought");

        String page = mvc.perform(post("/plans/" + reference + "/details").with(user(person("panel-member"))).with(csrf())
                        .param("outcomesSought", "x".repeat(limit + 1)).param("summaryForChild", "Dear Ellie, y".repeat(500))
                        .param("contingency", "If nothing changes, the panel meets again.")
                        .param("reviewDay", "").param("reviewMonth", "").param("reviewYear", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("There is a problem")
                .contains(String.format("What the plan should achieve must be %,d characters or fewer; it has %,d", limit, limit + 1))
                .contains("The summary for the child must be");
        assertThat(plans.find(reference).orElseThrow().contingency()).as("nothing half-saved").isNull();
    }

    @Test
    void anActionTooLongOrDatedInNoCalendarIsAFormError() throws Exception {
        String reference = fixtures.multiAgency("2054-02-03T09:00", "2054-02-10T10:00").getBusinessKey();

        String page = mvc.perform(post("/plans/" + reference + "/actions").with(user(person("panel-member"))).with(csrf())
                        .param("description", "d".repeat(columns.of("plan_action", "description") + 1))
                        .param("organisation", "o".repeat(columns.of("plan_action", "responsible_organisation") + 1))
                        .param("dueDay", "1").param("dueMonth", "3").param("dueYear", "999999999"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("What will be done must be").contains("The agency&#39;s name must be")
                .contains("Enter a real due date");
        assertThat(plans.find(reference).orElseThrow().actions()).isEmpty();
    }

    @Test
    void aMeetingLinkLongerThanItsColumnIsAFormError() throws Exception {
        String page = mvc.perform(post("/panel/meetings").with(user(person("panel-member"))).with(csrf())
                        .param("day", "3").param("month", "3").param("year", "2055").param("time", "9:30")
                        .param("place", "Online").param("chair", "Chris Hale").param("members", "Chair, SEND")
                        .param("onlineLink", "https://meet.example.org/" + "a".repeat(600)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("The online link must be 500 characters or fewer");
    }

    @Test
    void anIdempotencyKeyLongerThanItsColumnIsA400() {
        var answer = postJson("school-a", "/api/enquiries", Enquiries.json(), JsonNode.class,
                Map.of("Idempotency-Key", "k".repeat(columns.of("enquiry", "idempotency_key") + 1)));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().findValuesAsText("message")).singleElement().asString()
                .startsWith("The Idempotency-Key header must be 200 characters or fewer");
    }

    @Test
    void aDateOfBirthCenturiesAgoIsA400() {
        for (String born : new String[] {"0001-01-01", "-999999999-01-01", "1899-12-31"}) {
            var enquiry = Enquiries.json();
            @SuppressWarnings("unchecked")
            var child = (Map<String, Object>) enquiry.get("child");
            child.put("dateOfBirth", born);

            var answer = postJson("school-a", "/api/enquiries", enquiry, JsonNode.class);

            assertThat(answer.getStatusCode().value()).as(born).isEqualTo(400);
            assertThat(answer.getBody().toString()).as(born).contains("child.dateOfBirth");
        }
    }

    @Test
    void aPartnerOrganisationsNameCannotBeTakenTwice() throws Exception {
        String page = mvc.perform(post("/admin/partners").with(user(person("admin"))).with(csrf())
                        .param("name", " parr youth project ").param("organisationType", "COMMUNITY").param("locality", "Parr")
                        .param("contactName", "Sam Lee").param("contactEmail", "sam@example.org"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("There is already a partner organisation called parr youth project");
    }

    @Test
    void aTamperedOptionOnAnAdminFormNamesNoJavaClass() throws Exception {
        String page = mvc.perform(post("/admin/partners").with(user(person("admin"))).with(csrf())
                        .param("name", "Parr Reading Club").param("organisationType", "NOT_A_TYPE").param("locality", "Parr")
                        .param("contactName", "Sam Lee").param("contactEmail", "sam@example.org"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("This is not one of the values TESSA accepts here").doesNotContain("java.")
                .doesNotContain("org.tessa").doesNotContain("Failed to convert");
    }
}
