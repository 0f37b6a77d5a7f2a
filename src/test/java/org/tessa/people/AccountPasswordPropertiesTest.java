package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tessa.HostileInput.assertNoServerError;
import static org.tessa.HostileInput.assertRefusedOnPage;
import static org.tessa.HostileInput.hasNul;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
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
 * Choosing a password through an invitation or reset link, typed with anything: a password that meets the rules
 * (12 characters or more, no more than BCrypt keeps, not the username) is set and signs the person in; any other
 * shows the form again naming the field, the link still works and nothing is set; a link that is not one shows
 * the page saying so. Never a 500.
 */
@JqwikSpringSupport
class AccountPasswordPropertiesTest extends TessaIntegrationTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Property(tries = 20)
    void anyPasswordThatMeetsTheRulesIsSetAndSignsInOrTheFormSaysWhatToChange(@ForAll("passwords") String password,
            @ForAll boolean typedTheSameAgain) throws Exception {
        String username = "pw-" + UNIQUE.incrementAndGet() + "-" + ProcessHandle.current().pid();
        String token = invited(username);
        String repeated = typedTheSameAgain ? password : password + "!";

        MvcResult answer = mvc.perform(post("/account/password").param("token", token).param("password", password)
                .param("repeated", repeated).with(csrf())).andReturn();

        assertNoServerError(answer);
        boolean meetsTheRules = password.length() >= 12 && password.getBytes(StandardCharsets.UTF_8).length <= 72
                && !password.toLowerCase(Locale.ROOT).contains(username);
        if (meetsTheRules && typedTheSameAgain && !hasNul(password)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/login?passwordSet");
            assertThat(accounts.find(username).orElseThrow().status()).isEqualTo(Accounts.Status.ACTIVE);
            assertThat(signIn(username, password)).as("the password signs in").startsWith("SESSION=");
            assertThat(accounts.linkWorks(token)).as("the link is used up").isFalse();
        } else {
            assertRefusedOnPage(answer, hasNul(password), meetsTheRules ? "repeated" : "password");
            assertThat(accounts.find(username).orElseThrow().status()).as("nothing set").isEqualTo(Accounts.Status.INVITED);
            assertThat(accounts.linkWorks(token)).as("the link still works").isTrue();
        }
    }

    @Property(tries = 15)
    void aLinkThatIsNotOneShowsThePageSayingSoAndSetsNothing(@ForAll("tokens") String token) throws Exception {
        MvcResult shown = mvc.perform(get("/account/password").param("token", token)).andReturn();
        MvcResult sent = mvc.perform(post("/account/password").param("token", token)
                .param("password", "kettle river orange").param("repeated", "kettle river orange").with(csrf())).andReturn();

        assertNoServerError(shown);
        assertNoServerError(sent);
        if (hasNul(token)) {
            assertThat(shown.getResponse().getStatus()).isEqualTo(400);
            assertThat(sent.getResponse().getStatus()).isEqualTo(400);
        } else {
            assertThat(shown.getResponse().getContentAsString()).contains("This link has expired or has been used");
            assertThat(sent.getResponse().getStatus()).isEqualTo(200);
            assertThat(sent.getResponse().getContentAsString()).contains("This link has expired or has been used")
                    .contains("There is a problem");
        }
    }

    @Example
    void aPasswordInAnyAlphabetSignsInThroughTheSignInForm() throws Exception {
        for (String password : new String[] {"Zoë and Nguyễn Văn An", "محمد الحسن كتاب", "אבי כהן ספר טוב", "😀 family 👨‍👩‍👧 kettle"}) {
            String username = "pw-" + UNIQUE.incrementAndGet() + "-" + ProcessHandle.current().pid();
            String token = invited(username);
            mvc.perform(post("/account/password").param("token", token).param("password", password)
                    .param("repeated", password).with(csrf())).andReturn();

            assertThat(signIn(username, password)).as(password).startsWith("SESSION=");
        }
    }

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.oneOf(Arbitraries.of(HostileInput.SAMPLES), HostileInput.text(0, 140),
                Arbitraries.integers().between(68, 76).map(length -> "kettle river orange ".repeat(4).substring(0, length)),
                Arbitraries.integers().between(30, 40).map(length -> "Zoë Nguyễn ".repeat(4).substring(0, length)),
                Arbitraries.of("x7".repeat(64), "x7".repeat(64) + "!", "😀 family 👨‍👩‍👧 kettle", " kettle river orange ",
                        "kettle\u0000river orange", "<script>alert('kettle')</script>", "'; DROP TABLE staff_account;--"));
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.oneOf(HostileInput.textFor(100), Arbitraries.of("made-up", "A".repeat(43), "%00", "../admin"));
    }

    /** An invited account, with a link of its own (its token known to the test), as the invitation email would give. */
    private String invited(String username) {
        accounts.invite(new Accounts.Details(username, "Sam Ellis", username + "@example.org", Role.DUTY_MANAGER, null,
                null, null), person("admin"));
        String token = "props-token-" + username;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("insert into account_token (token_hash, username, purpose, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(Fingerprints.sha256(token), username, "INVITATION", now, now.plusDays(1)).update();
        return token;
    }
}
