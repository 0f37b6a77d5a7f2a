package org.tessa.signposting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;
import org.tessa.tasklist.TaskList;

/** Administrators configure portals in the app; a new one reaches the triage form without code. */
class PortalAdminPagesTest extends TessaIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PortalRegistry portals;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    TaskList taskList;

    @Test
    void theThreePortalsComeConfigured() throws Exception {
        String page = mvc.perform(get("/admin/portals").with(user(person("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("SEND portal (special educational needs and disabilities)")
                .contains("MASH (multi-agency safeguarding hub)").contains("Mental health portal");
    }

    @Test
    void onlyAdministratorsConfigurePortals() throws Exception {
        mvc.perform(get("/admin/portals").with(user(person("duty-manager")))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/portals").param("code", "HACK").with(user(person("school-a"))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(portals.find("HACK")).isEmpty();
    }

    @Test
    void aNewPortalAppearsInTheTriageForm() throws Exception {
        mvc.perform(post("/admin/portals").with(user(person("admin"))).with(csrf())
                        .param("code", "YOUNG_CARERS").param("name", "Young carers service")
                        .param("publicLink", "https://www.sthelens.gov.uk/young-carers")
                        .param("guidance", "Refer with the young person's agreement; the service calls the family within a week.")
                        .param("mode", "GUIDANCE").param("sharedData", "CHILD", "SCHOOL", "REFERRER").param("active", "true"))
                .andExpect(redirectedUrl("/admin/portals"));

        String reference = enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty())
                .reference();
        String task = taskList.workOn(person("duty-manager"), reference).get(0).id();
        assertThat(taskList.form(task, person("duty-manager")).field("signpostTo").orElseThrow().options())
                .extracting(option -> option.value()).contains("SEND_PORTAL", "MASH", "MENTAL_HEALTH_PORTAL", "YOUNG_CARERS");
    }

    @Test
    void mistakesAreExplainedAndNothingIsSaved() throws Exception {
        String page = mvc.perform(post("/admin/portals").with(user(person("admin"))).with(csrf())
                        .param("code", "bad code").param("name", "").param("publicLink", "www.example.org")
                        .param("guidance", "Guidance").param("mode", "REFERRAL").param("sharedData", "CHILD"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("There is a problem").contains("capital letters, digits and underscores")
                .contains("Enter the name of the portal").contains("starting with https://")
                .contains("Enter the endpoint TESSA sends referrals to");
        assertThat(portals.find("bad code")).isEmpty();
        var markup = org.jsoup.Jsoup.parse(page);
        assertThat(markup.select(".govuk-error-summary__list a")).extracting(link -> link.attr("href"))
                .contains("#code", "#name", "#publicLink", "#endpoint").doesNotContain("#endpointGivenForReferrals");
        assertThat(markup.getElementById("code").hasClass("govuk-input--error")).isTrue();
        assertThat(markup.getElementById("code").attr("aria-describedby")).isEqualTo("code-hint code-error");
        assertThat(markup.getElementById("endpoint").attr("aria-describedby")).isEqualTo("endpointGivenForReferrals-error");
    }

    @Test
    void eachBoxIsFollowedByItsLabelAndAnUntickedBoxIsSavedAsUnticked() throws Exception {
        mvc.perform(post("/admin/portals").with(user(person("admin"))).with(csrf())
                        .param("code", "HOLIDAY_CLUB").param("name", "Holiday activities")
                        .param("publicLink", "https://www.sthelens.gov.uk/haf")
                        .param("guidance", "Schools refer children on free school meals for the holiday club.")
                        .param("mode", "GUIDANCE").param("sharedData", "CHILD").param("active", "true")
                        .param("_active", "on").param("_safeguarding", "on").param("_sharedData", "on"))
                .andExpect(redirectedUrl("/admin/portals"));
        var page = org.jsoup.Jsoup.parse(mvc.perform(get("/admin/portals/HOLIDAY_CLUB").with(user(person("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        page.select(".govuk-checkboxes__input, .govuk-radios__input").forEach(input -> assertThat(input.nextElementSibling())
                .as("the label follows " + input.id()).isNotNull()
                .satisfies(label -> assertThat(label.attr("for")).isEqualTo(input.id())));
        assertThat(page.getElementById("active").hasAttr("checked")).isTrue();
        assertThat(page.getElementById("sharedData").hasAttr("checked")).as("the first box, CHILD").isTrue();

        mvc.perform(post("/admin/portals").with(user(person("admin"))).with(csrf())
                        .param("code", "HOLIDAY_CLUB").param("name", "Holiday activities")
                        .param("publicLink", "https://www.sthelens.gov.uk/haf")
                        .param("guidance", "Schools refer children on free school meals for the holiday club.")
                        .param("mode", "GUIDANCE").param("sharedData", "CHILD")
                        .param("_active", "on").param("_safeguarding", "on").param("_sharedData", "on"))
                .andExpect(redirectedUrl("/admin/portals"));
        assertThat(portals.find("HOLIDAY_CLUB").orElseThrow().active()).as("unticked Active is saved").isFalse();
    }
}
