package org.tessa.people;

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

import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tessa.HostileInput;
import org.tessa.TessaIntegrationTest;

/**
 * The administrators' forms for people and organisations (partner organisations, schools, accounts, API keys)
 * filled in with anything: names are kept exactly and shown escaped, or the form comes back naming the field and
 * nothing is saved; never a 500. Each name starts with a number of its own, so that names never clash by chance.
 */
@JqwikSpringSupport
class AdminFormsPropertiesTest extends TessaIntegrationTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    PartnerDirectory partners;

    @Autowired
    SchoolRegister schools;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiKeys keys;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Property(tries = 15)
    void aPartnerOrganisationKeepsAnyNameExactlyOrTheFormSaysWhatToChange(@ForAll("lines") String typedName,
            @ForAll("lines") String locality, @ForAll("lines") String contactName) throws Exception {
        String name = unique(typedName);
        int before = partners.all().size();

        MvcResult answer = mvc.perform(post("/admin/partners").param("name", name).param("organisationType", "COMMUNITY")
                .param("locality", locality).param("contactName", contactName).param("contactEmail", "sam@example.org")
                .with(user(person("admin"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        if (storable(name, 1, 200) && storable(locality, 1, 100) && storable(contactName, 1, 200)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/admin/partners");
            PartnerOrganisation kept = partners.all().stream().filter(p -> p.name().equals(name.strip())).findFirst()
                    .orElseThrow(() -> new AssertionError("no partner named " + name.strip()));
            assertThat(kept.locality()).isEqualTo(locality.strip());
            assertThat(kept.contactName()).isEqualTo(contactName.strip());
            assertShownEscaped(page("/admin/partners/" + kept.id()), contactName.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(name + locality + contactName),
                    !storable(name, 1, 200) ? "name" : !storable(locality, 1, 100) ? "locality" : "contactName");
            assertThat(partners.all()).as("nothing saved").hasSize(before);
        }
    }

    @Property(tries = 15)
    void aSchoolAddedByHandKeepsAnyNameExactlyOrTheFormSaysWhatToChange(@ForAll("lines") String typedName,
            @ForAll("postcodes") String postcode) throws Exception {
        String name = unique(typedName);
        String urn = String.valueOf(80_000_000 + UNIQUE.getAndIncrement() + (int) (ProcessHandle.current().pid() % 1000) * 10_000);
        int before = schools.all().size();

        MvcResult answer = mvc.perform(post("/admin/schools").param("urn", urn).param("name", name)
                .param("postcode", postcode).with(user(person("admin"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        boolean postcodeFine = postcode.isBlank() || postcode.strip().matches("[A-Za-z0-9 ]{5,8}");
        if (storable(name, 1, 200) && postcodeFine) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/admin/schools");
            var kept = schools.all().stream().filter(s -> s.urn().equals(urn)).findFirst().orElseThrow();
            assertThat(kept.name()).isEqualTo(name.strip());
            assertShownEscaped(page("/admin/schools/" + kept.id()), name.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(name + postcode), !storable(name, 1, 200) ? "name" : "postcode");
            assertThat(schools.all()).as("nothing saved").hasSize(before);
        }
    }

    @Property(tries = 8)
    void anInvitedAccountKeepsAnyNameExactlyOrTheFormSaysWhatToChange(@ForAll("lines") String displayName,
            @ForAll("lines") String manages) throws Exception {
        String username = "props-" + UNIQUE.getAndIncrement() + "-" + ProcessHandle.current().pid();

        MvcResult answer = mvc.perform(post("/admin/accounts").param("username", username).param("displayName", displayName)
                .param("email", username + "@example.org").param("role", "MANAGER").param("manages", manages)
                .with(user(person("admin"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        if (storable(displayName, 1, 200) && (manages.isBlank() || storable(manages, 1, 100))) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/admin/accounts");
            var kept = accounts.find(username).orElseThrow();
            assertThat(kept.displayName()).isEqualTo(displayName.strip());
            assertShownEscaped(page("/admin/accounts/" + username), displayName.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(displayName + manages), !storable(displayName, 1, 200) ? "displayName" : "manages");
            assertThat(accounts.find(username)).as("nothing saved").isEmpty();
        }
    }

    @Property(tries = 15)
    void anApiKeyKeepsAnyNameExactlyAndRefusesDaysThatAreNotANumberInRange(@ForAll("lines") String typedName,
            @ForAll("days") String validDays) throws Exception {
        String name = unique(typedName);
        int before = keys.all().size();

        MvcResult answer = mvc.perform(post("/admin/api-keys").param("name", name).param("account", "school-a")
                .param("validDays", validDays).with(user(person("admin"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        boolean daysFine = validDays.strip().matches("\\d{1,3}") && Integer.parseInt(validDays.strip()) >= 1
                && Integer.parseInt(validDays.strip()) <= 730;
        if (storable(name, 1, 100) && daysFine) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/admin/api-keys");
            assertThat(keys.all()).extracting(ApiKeys.ApiKey::name).contains(name.strip());
            assertShownEscaped(page("/admin/api-keys"), name.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(name + validDays), !storable(name, 1, 100) ? "name" : "validDays");
            assertThat(keys.all()).as("nothing saved").hasSize(before);
        }
    }

    @Property(tries = 15)
    void aGlossaryTermKeepsAnyMeaningExactlyOrTheFormSaysWhatToChange(@ForAll("termTails") String tail,
            @ForAll("meanings") String meaning) throws Exception {
        // a start of its own, which no page's text holds: the glossary explains its terms on every page
        String term = "Qz" + UNIQUE.getAndIncrement() + "p" + ProcessHandle.current().pid() + tail;
        long before = jdbc.sql("select count(*) from glossary_term").query(Long.class).single();

        MvcResult answer = mvc.perform(post("/admin/glossary").param("term", term).param("meaning", meaning)
                .with(user(person("admin"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        boolean termFine = term.strip().matches("[A-Za-z0-9][A-Za-z0-9 '\\-]{0,38}[A-Za-z0-9]");
        if (termFine && storable(meaning, 1, 300)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/admin/glossary");
            assertThat(jdbc.sql("select meaning from glossary_term where term = ?").param(term.strip())
                    .query(String.class).single()).isEqualTo(meaning.strip());
            String glossary = mvc.perform(get("/glossary").with(user(person("admin")))).andReturn().getResponse().getContentAsString();
            assertShownEscaped(glossary, term.strip());
            assertShownEscaped(glossary, meaning.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(term + meaning), termFine ? "meaning" : "term");
            assertThat(jdbc.sql("select count(*) from glossary_term").query(Long.class).single()).as("nothing saved")
                    .isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<String> termTails() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", " MH", "-x", " O'Brien", "'", " Zoë", "<b>", "  ", " x ",
                        "_x", " AB".repeat(12), " A\u0000B"),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars(" '-").ofMaxLength(30),
                HostileInput.text(0, 8));
    }

    @Provide
    Arbitrary<String> meanings() {
        return HostileInput.textFor(300);
    }

    @Provide
    Arbitrary<String> lines() {
        return HostileInput.lineFor(200);
    }

    @Provide
    Arbitrary<String> postcodes() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "WA10 1AB", "wa101ab", "<b>WA10</b>", "WA10\u00001AB", "١٢٣٤٥"),
                HostileInput.text(0, 12));
    }

    @Provide
    Arbitrary<String> days() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "0", "-1", "1", " 30 ", "730", "731", "1e3", "١٠", "99999999999",
                "2147483648", "3.5", "x", "3\u0000"), Arbitraries.integers().between(-10, 800).map(String::valueOf));
    }

    /** A number of its own first, so that no two tries ask for the same name. */
    private static String unique(String typed) {
        return "N" + UNIQUE.getAndIncrement() + " " + typed;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(person("admin")))).andReturn().getResponse().getContentAsString();
    }
}
