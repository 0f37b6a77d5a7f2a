package org.tessa.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tessa.TessaIntegrationTest;

/** The enquiry pages as a school's safeguarding lead and a duty manager use them. */
class EnquiryPagesTest extends TessaIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signedOutVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/enquiries").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void theSignInPageNamesTheDemoAccounts() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("school-a")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("password is <strong>demo</strong>")));
    }

    @Test
    void signingInNeedsTheCsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", "school-a").param("password", "demo"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "school-a").param("password", "demo").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
    }

    @Test
    void theFormWarnsToPhoneTheMashWhenAChildIsAtImmediateRisk() throws Exception {
        String page = mvc.perform(get("/enquiries/new").with(user(person("school-a"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("immediate risk of harm").contains("phone the MASH").contains("01744 676600")
                .doesNotContain("Which school is calling?");
    }

    @Test
    void aSchoolRaisesAnEnquiryOnTheWebAndSeesIt() throws Exception {
        String location = mvc.perform(completeForm(post("/enquiries")).with(user(person("school-a"))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/enquiries/TES-*"))
                .andReturn().getResponse().getRedirectedUrl();

        String page = mvc.perform(get(location).with(user(person("school-a"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ruby Allen").contains("Waiting for a duty manager").contains("Online form")
                .contains("The school said this child may be at immediate risk of harm");
    }

    @Test
    void theFormIsRefusedWithoutTheCsrfTokenAndNothingIsSaved() throws Exception {
        long before = enquiryCount();

        mvc.perform(completeForm(post("/enquiries")).with(user(person("school-a")))).andExpect(status().isForbidden());

        assertThat(enquiryCount()).isEqualTo(before);
    }

    @Test
    void mistakesAreShownBesideTheirFieldsAndNothingIsSaved() throws Exception {
        long before = enquiryCount();

        String page = mvc.perform(completeForm(post("/enquiries"), Map.of(
                                "childFirstName", "", "dobDay", "31", "dobMonth", "2", "referrerEmail", "amira at school"))
                        .with(user(person("school-a"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("There is a problem")
                .contains("href=\"#childFirstName\"").contains("Enter the child&#39;s first name")
                .contains("Date of birth must be a real date")
                .contains("Enter an email address in the correct format")
                .contains("value=\"Allen\"");
        assertThat(enquiryCount()).isEqualTo(before);
    }

    @Test
    void aDutyManagerLogsAHotlineCallForTheSchoolTheyChoose() throws Exception {
        String form = mvc.perform(get("/enquiries/new").with(user(person("duty-manager"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Which school is calling?").contains("Windle Vale Academy (URN 138420)");

        String location = mvc.perform(completeForm(post("/enquiries")).param("schoolUrn", "138420")
                        .with(user(person("duty-manager"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        String page = mvc.perform(get(location).with(user(person("school-b"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Windle Vale Academy").contains("Hotline call");
    }

    @Test
    void anotherSchoolsEnquiryPageIsNotFound() throws Exception {
        String location = mvc.perform(completeForm(post("/enquiries")).with(user(person("school-a"))).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(location).with(user(person("school-b"))))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Page not found")));
    }

    @Test
    void partnersCannotRaiseEnquiries() throws Exception {
        mvc.perform(get("/enquiries/new").with(user(person("partner")))).andExpect(status().isForbidden());
    }

    @Test
    void theAcronymsAreExplained() throws Exception {
        mvc.perform(get("/glossary").with(user(person("school-a")))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("multi-agency safeguarding hub")));
    }

    private static MockHttpServletRequestBuilder completeForm(MockHttpServletRequestBuilder request) {
        return completeForm(request, Map.of());
    }

    /** The form as a school fills it in, with some answers changed. */
    private static MockHttpServletRequestBuilder completeForm(MockHttpServletRequestBuilder request,
            Map<String, String> changed) {
        Map<String, String> answers = new LinkedHashMap<>(Map.ofEntries(
                Map.entry("childFirstName", "Ruby"), Map.entry("childLastName", "Allen"),
                Map.entry("dobDay", "4"), Map.entry("dobMonth", "7"), Map.entry("dobYear", "2017"),
                Map.entry("childYearGroup", "Year 4"),
                Map.entry("summary", "Ruby came in with a bruise on her cheek and said her mum's boyfriend was angry."),
                Map.entry("immediateRisk", "true"), Map.entry("consent", "NOT_ASKED"),
                Map.entry("referrerName", "Amira Khan"), Map.entry("referrerRole", "Designated safeguarding lead (DSL)"),
                Map.entry("referrerEmail", "amira.khan@parrmeadow.example.org")));
        answers.putAll(changed);
        answers.forEach(request::param);
        return request.param("concerns", "SAFEGUARDING", "FAMILY_SUPPORT");
    }

    private long enquiryCount() {
        return jdbc.sql("select count(*) from enquiry").query(Long.class).single();
    }
}
