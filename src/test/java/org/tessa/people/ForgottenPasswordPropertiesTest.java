package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tessa.HostileInput.assertNoServerError;
import static org.tessa.HostileInput.assertRefusedOnPage;
import static org.tessa.HostileInput.hasNul;

import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tessa.HostileInput;
import org.tessa.TessaIntegrationTest;

/**
 * "Forgot my password" typed with anything: the username of an account, or its email address in any case and with
 * spaces about it, sends that account one link; anything else sends none; either way the page says the same (so it
 * does not tell who has an account). A blank form comes back asking for the username or email address. Never a 500.
 * Each try has an account of its own.
 */
@JqwikSpringSupport
class ForgottenPasswordPropertiesTest extends TessaIntegrationTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Property(tries = 15)
    void anAccountsUsernameOrEmailSendsItOneLinkAndAnythingElseNoneWithTheSameAnswer(@ForAll("asked") String typed)
            throws Exception {
        String username = "fp-" + UNIQUE.incrementAndGet() + "-" + ProcessHandle.current().pid();
        String email = "Sam.Ellis." + username + "@Example.org";
        accounts.invite(new Accounts.Details(username, "Sam Ellis", email, Role.DUTY_MANAGER, null, null, null),
                person("admin"));
        String who = typed.replace("{username}", username).replace("{email}", email)
                .replace("{EMAIL}", email.toUpperCase(java.util.Locale.ROOT));
        long links = links(username);
        long allLinks = jdbc.sql("select count(*) from account_token").query(Long.class).single();

        MvcResult answer = mvc.perform(post("/account/forgotten").param("who", who).with(csrf())).andReturn();

        assertNoServerError(answer);
        boolean theirs = !hasNul(who) && (who.strip().equals(username) || who.strip().equalsIgnoreCase(email));
        if (who.isBlank() || hasNul(who)) {
            assertRefusedOnPage(answer, hasNul(who), "who");
            assertThat(answer.getResponse().getContentAsString()).doesNotContain("Check your email");
        } else {
            assertThat(answer.getResponse().getStatus()).isEqualTo(200);
            assertThat(answer.getResponse().getContentAsString()).as("the same answer, whoever it is")
                    .contains("Check your email").doesNotContain("There is a problem");
        }
        if (theirs) {
            assertThat(links(username)).as("one new link").isEqualTo(links + 1);
        } else {
            assertThat(jdbc.sql("select count(*) from account_token").query(Long.class).single()).as("no link for anyone")
                    .isEqualTo(allLinks);
        }
    }

    @Provide
    Arbitrary<String> asked() {
        return Arbitraries.oneOf(Arbitraries.of("{username}", " {username} ", "{email}", "{EMAIL}", "  {email}\t",
                        "{username}x", "{email}\u0000", "'{username}'", "{username}' or '1'='1", "%", "_", "%@%",
                        "' OR 1=1 --", ""), HostileInput.textFor(254));
    }

    private long links(String username) {
        return jdbc.sql("select count(*) from account_token where username = ?").param(username).query(Long.class).single();
    }
}
