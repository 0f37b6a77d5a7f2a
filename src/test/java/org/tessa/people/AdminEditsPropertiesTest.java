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
 * The administrators' forms that change what is already there, an account and a school, filled in with anything:
 * what the form takes is kept exactly and shown escaped on the form when it is opened again; anything else shows
 * the form again naming the field, with the account or school as it was. Never a 500. Each try changes an account
 * or a school of its own.
 */
@JqwikSpringSupport
class AdminEditsPropertiesTest extends TessaIntegrationTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    SchoolRegister schools;

    @Property(tries = 15)
    void anEditedAccountKeepsAnyNameEmailAndTeamExactlyOrTheFormSaysWhatToChange(@ForAll("lines") String displayName,
            @ForAll("emails") String email, @ForAll("roles") String role, @ForAll("teams") String manages)
            throws Exception {
        String username = "edit-" + UNIQUE.getAndIncrement() + "-" + ProcessHandle.current().pid();
        accounts.invite(new Accounts.Details(username, "Sam Ellis", username + "@example.org", Role.MANAGER, null, null,
                "Attendance"), person("admin"));
        Accounts.Account before = accounts.find(username).orElseThrow();

        MvcResult answer = mvc.perform(post("/admin/accounts/" + username).param("displayName", displayName)
                .param("email", email).param("role", role).param("manages", manages).with(user(person("admin")))
                .with(csrf())).andReturn();

        assertNoServerError(answer);
        boolean emailFine = email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && email.strip().length() <= 254
                && !hasNul(email);
        boolean roleFine = role.equals("MANAGER") || role.equals("DUTY_MANAGER");
        boolean managesFine = manages.isBlank() || storable(manages, 1, 100);
        if (storable(displayName, 1, 200) && emailFine && roleFine && managesFine) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/admin/accounts");
            Accounts.Account kept = accounts.find(username).orElseThrow();
            assertThat(kept.displayName()).isEqualTo(displayName.strip());
            assertThat(kept.email()).isEqualTo(email.strip());
            assertThat(kept.role()).hasToString(role);
            assertThat(kept.manages()).isEqualTo(role.equals("MANAGER") && !manages.isBlank() ? manages.strip() : null);
            String page = page("/admin/accounts/" + username);
            assertShownEscaped(page, displayName.strip());
            assertShownEscaped(page, email.strip());
            if (kept.manages() != null) {
                assertShownEscaped(page, kept.manages());
            }
        } else {
            assertRefusedOnPage(answer, hasNul(displayName + email + role + manages), !storable(displayName, 1, 200)
                    ? "displayName" : !emailFine ? "email" : !managesFine ? "manages"
                    : role.equals("SCHOOL") ? "schoolId" : role.equals("PARTNER") ? "organisationId" : "role");
            assertThat(accounts.find(username)).as("the account is as it was").contains(before);
        }
    }

    @Property(tries = 15)
    void anEditedSchoolKeepsAnyNameExactlyOrTheFormSaysWhatToChange(@ForAll("lines") String name,
            @ForAll("postcodes") String postcode, @ForAll("active") String active) throws Exception {
        String urn = String.valueOf(70_000_000 + UNIQUE.getAndIncrement() + (int) (ProcessHandle.current().pid() % 1000) * 10_000);
        long id = schools.add(urn, "Sutton Oak Primary " + urn, "WA9 3AB", "admin");
        var before = schools.find(id).orElseThrow();

        MvcResult answer = mvc.perform(post("/admin/schools/" + id).param("name", name).param("postcode", postcode)
                .param("active", active).with(user(person("admin"))).with(csrf())).andReturn();

        assertNoServerError(answer);
        boolean postcodeFine = postcode.isBlank() || postcode.strip().matches("[A-Za-z0-9 ]{5,8}");
        if (storable(name, 1, 200) && postcodeFine && !hasNul(active)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/admin/schools");
            var kept = schools.find(id).orElseThrow();
            assertThat(kept.name()).isEqualTo(name.strip());
            assertThat(kept.postcode()).isEqualTo(postcode.isBlank() ? null : postcode.strip());
            assertThat(kept.urn()).as("the URN stays").isEqualTo(urn);
            assertThat(kept.active()).isEqualTo(!"false".equals(active));
            assertShownEscaped(page("/admin/schools/" + id), name.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(name + postcode + active), !storable(name, 1, 200) ? "name" : "postcode");
            assertThat(schools.find(id)).as("the school is as it was").contains(before);
        }
    }

    @Provide
    Arbitrary<String> lines() {
        return HostileInput.lineFor(200);
    }

    @Provide
    Arbitrary<String> teams() {
        return HostileInput.lineFor(100);
    }

    @Provide
    Arbitrary<String> emails() {
        return Arbitraries.oneOf(Arbitraries.of("sam.ellis@example.org", " o'brien@example.org ", "zoë@exämple.org",
                        "nguyễn.văn.an@example.vn", "<script>@example.org", "a@b", "no-at-sign", "two@@example.org",
                        "sam@example.org\u0000", "sam ellis@example.org", "", " ", "'; DROP TABLE staff_account;--@x.org",
                        "a".repeat(243) + "@example.org", "a".repeat(242) + "@example.org"),
                HostileInput.text(1, 30).map(local -> local + "@example.org"));
    }

    @Provide
    Arbitrary<String> roles() {
        return Arbitraries.oneOf(Arbitraries.of("MANAGER", "DUTY_MANAGER"), Arbitraries.of("MANAGER", "DUTY_MANAGER"),
                Arbitraries.of("", "manager", "PORTAL", "SCHOOL", "PARTNER", "<b>ADMIN</b>", "MANAGER\u0000", "99"));
    }

    @Provide
    Arbitrary<String> postcodes() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "WA10 1AB", "wa101ab", "<b>WA10</b>", "WA10\u00001AB", "١٢٣٤٥"),
                HostileInput.text(0, 12));
    }

    @Provide
    Arbitrary<String> active() {
        return Arbitraries.of("true", "false", "", "FALSE", "no", "<b>false</b>", "false\u0000");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(person("admin")))).andReturn().getResponse().getContentAsString();
    }
}
