package org.tessa.enquiry;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tessa.HostileInput;
import org.tessa.HostileInput.DateBoxes;
import org.tessa.TessaIntegrationTest;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.shared.ColumnSizes;

/**
 * Whatever a school types into the enquiry pages (the new enquiry form, adding information, withdrawing) and
 * whatever staff type as a case note: it is kept exactly and shown escaped, or the form comes back with an
 * error summary naming the field and nothing is saved; never a 500. Runs on H2 and on PostgreSQL.
 */
@JqwikSpringSupport
class EnquiryPagesPropertiesTest extends TessaIntegrationTest {

    private static final int UPDATE_LIMIT = 5000;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    ColumnSizes columns;

    @Property(tries = 20)
    void theNewEnquiryFormKeepsAnyNameAndSummaryExactlyOrSaysWhatToChange(@ForAll("names") String firstName,
            @ForAll("names") String lastName, @ForAll("summaries") String summary, @ForAll("roles") String role)
            throws Exception {
        long before = enquiryCount();
        MvcResult answer = mvc.perform(enquiryForm(Map.of("childFirstName", firstName, "childLastName", lastName,
                "summary", summary, "referrerRole", role))).andReturn();

        assertNoServerError(answer);
        boolean nul = hasNul(firstName + lastName + summary + role);
        if (storable(firstName, 1, limit("child_first_name")) && storable(lastName, 1, limit("child_last_name"))
                && storable(summary, 1, limit("summary")) && storable(role, 1, columns.of("enquiry", "referrer_role"))) {
            EnquiryRecord kept = logged(answer);
            assertThat(kept.child().firstName()).isEqualTo(firstName.strip());
            assertThat(kept.child().lastName()).isEqualTo(lastName.strip());
            assertThat(kept.summary()).isEqualTo(summary.strip());
            assertThat(kept.referrer().role()).isEqualTo(role.strip());
            String page = page("/enquiries/" + kept.reference(), "school-a");
            assertShownEscaped(page, summary.strip());
            assertShownEscaped(page, role.strip());
        } else {
            String field = !storable(firstName, 1, limit("child_first_name")) ? "childFirstName"
                    : !storable(lastName, 1, limit("child_last_name")) ? "childLastName"
                    : !storable(summary, 1, limit("summary")) ? "summary" : "referrerRole";
            assertRefusedOnPage(answer, nul, field);
            assertThat(enquiryCount()).as("nothing saved").isEqualTo(before);
        }
    }

    @Property(tries = 20)
    void anyDateOfBirthIsKeptOrRefusedNamingTheDateBoxes(@ForAll("birthDates") DateBoxes born) throws Exception {
        long before = enquiryCount();
        MvcResult answer = mvc.perform(enquiryForm(Map.of("dobDay", born.day(), "dobMonth", born.month(),
                "dobYear", born.year()))).andReturn();

        assertNoServerError(answer);
        Optional<LocalDate> date = born.date();
        if (date.isPresent() && !date.get().isBefore(LocalDate.of(1900, 1, 1)) && date.get().isBefore(LocalDate.now(clock))) {
            assertThat(logged(answer).child().dateOfBirth()).isEqualTo(date.get());
        } else {
            assertRefusedOnPage(answer, born.hasNul(), "dobDay");
            assertThat(enquiryCount()).as("nothing saved").isEqualTo(before);
        }
    }

    @Property(tries = 15)
    void informationASchoolAddsIsKeptExactlyOrRefusedClearly(@ForAll("updates") String text) throws Exception {
        String reference = newEnquiry();
        MvcResult answer = mvc.perform(post("/enquiries/" + reference + "/information").param("text", text)
                .with(user(person("school-a"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        if (storable(text, 1, UPDATE_LIMIT)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/enquiries/" + reference);
            assertThat(lastEvent(reference, CaseEventKind.INFORMATION_ADDED)).isEqualTo(text.strip());
            assertShownEscaped(page("/enquiries/" + reference, "school-a"), text.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(text), "text");
            assertThat(kindsRecordedFor(reference)).doesNotContain(CaseEventKind.INFORMATION_ADDED);
        }
    }

    @Property(tries = 15)
    void anyReasonForWithdrawingIsKeptExactlyOrRefusedClearly(@ForAll("updates") String reason) throws Exception {
        String reference = newEnquiry();
        MvcResult answer = mvc.perform(post("/enquiries/" + reference + "/withdraw").param("reason", reason)
                .with(user(person("school-a"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        if (storable(reason, 1, UPDATE_LIMIT)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/enquiries/" + reference);
            assertThat(enquiries.read(reference, person("school-a"), "Test").status()).isEqualTo(EnquiryStatus.WITHDRAWN);
            assertThat(caseRecord.eventsAbout(reference).stream().filter(e -> e.kind() == CaseEventKind.ENQUIRY_WITHDRAWN)
                    .findFirst().orElseThrow().details()).containsEntry("reason", reason.strip());
            assertShownEscaped(page("/enquiries/" + reference + "/chronology", "duty-manager"), reason.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(reason), "reason");
            assertThat(enquiries.read(reference, person("school-a"), "Test").status()).isEqualTo(EnquiryStatus.AWAITING_TRIAGE);
        }
    }

    @Property(tries = 15)
    void anyCaseNoteIsKeptExactlyOrRefusedClearly(@ForAll("updates") String note) throws Exception {
        String reference = newEnquiry();
        MvcResult answer = mvc.perform(post("/enquiries/" + reference + "/notes").param("text", note)
                .with(user(person("duty-manager"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        if (storable(note, 1, UPDATE_LIMIT)) {
            assertThat(lastEvent(reference, CaseEventKind.CASE_NOTE_ADDED)).isEqualTo(note.strip());
            assertShownEscaped(page("/enquiries/" + reference + "/chronology", "duty-manager"), note.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(note), "text");
            assertThat(kindsRecordedFor(reference)).doesNotContain(CaseEventKind.CASE_NOTE_ADDED);
        }
    }

    @Provide
    Arbitrary<String> names() {
        return HostileInput.lineFor(100);
    }

    @Provide
    Arbitrary<String> roles() {
        return HostileInput.lineFor(100);
    }

    @Provide
    Arbitrary<String> summaries() {
        return HostileInput.textFor(5000);
    }

    @Provide
    Arbitrary<String> updates() {
        return HostileInput.textFor(UPDATE_LIMIT);
    }

    @Provide
    Arbitrary<DateBoxes> birthDates() {
        return HostileInput.dateBoxes(LocalDate.of(2015, 6, 1));
    }

    private int limit(String column) {
        return columns.of("enquiry", column);
    }

    private MockHttpServletRequestBuilder enquiryForm(Map<String, String> changed) {
        Map<String, String> answers = new LinkedHashMap<>(Map.of("childFirstName", "Ruby", "childLastName", "Allen",
                "dobDay", "4", "dobMonth", "7", "dobYear", "2017", "childYearGroup", "Year 4",
                "summary", "Ruby said her mum's boyfriend was angry.", "immediateRisk", "false", "consent", "GIVEN",
                "referrerName", "Amira Khan"));
        answers.put("referrerRole", "Designated safeguarding lead (DSL)");
        answers.put("referrerEmail", "amira.khan@parrmeadow.example.org");
        answers.putAll(changed);
        MockHttpServletRequestBuilder request = post("/enquiries").with(user(person("school-a"))).with(csrf());
        answers.forEach(request::param);
        return request.param("concerns", "ATTENDANCE");
    }

    private EnquiryRecord logged(MvcResult answer) throws Exception {
        String location = answer.getResponse().getRedirectedUrl();
        assertThat(location).as(answer.getResponse().getContentAsString()).startsWith("/enquiries/TES-");
        return enquiries.read(location.substring("/enquiries/".length()), person("school-a"), "Test");
    }

    private String newEnquiry() {
        return enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty()).reference();
    }

    private String lastEvent(String reference, CaseEventKind kind) {
        return caseRecord.eventsAbout(reference).stream().filter(event -> event.kind() == kind)
                .reduce((first, second) -> second).orElseThrow().summary();
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(user(person(username)))).andReturn().getResponse().getContentAsString();
    }

    private long enquiryCount() {
        return jdbc.sql("select count(*) from enquiry").query(Long.class).single();
    }
}
