package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.TessaIntegrationTest;
import org.tessa.audit.AuditLog;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;
import org.tessa.tasklist.TaskList;

/** A council runs its own accounts: invitations, chosen passwords, forgotten ones, and people who leave. */
class AccountsTest extends TessaIntegrationTest {

    private static final Pattern LINK = Pattern.compile("/account/password\\?token=([A-Za-z0-9_\\-]+)");

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordRules rules;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    TaskList taskList;

    @Test
    void aNewPersonIsInvitedChoosesAPasswordOnceAndSignsIn() throws Exception {
        mvc.perform(post("/admin/accounts").param("username", "too.long.team").param("displayName", "Too Long")
                        .param("email", "too.long@council.example.org").param("role", "MANAGER").param("manages", "q".repeat(101))
                        .with(csrf()).with(user(person("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter the work queue of the team, in up to 100 characters")));
        mvc.perform(post("/admin/accounts").param("username", "sam.ellis").param("displayName", "Sam Ellis (duty manager)")
                        .param("email", "sam.ellis@council.example.org").param("role", "DUTY_MANAGER")
                        .with(csrf()).with(user(person("admin"))))
                .andExpect(status().is3xxRedirection());
        String token = linkIn(letterTo("sam.ellis@council.example.org", "You are invited to TESSA"));
        assertThat(accounts.find("sam.ellis")).get().extracting(Accounts.Account::status).isEqualTo(Accounts.Status.INVITED);
        assertThat(http.withBasicAuth("sam.ellis", "anything at all").getForEntity("/api/tasks", String.class)
                .getStatusCode().value()).as("nobody knows an invited account's password").isEqualTo(401);

        choose(token, "short", "short").andExpect(content().string(Matchers.containsString("at least 12 characters")));
        choose(token, "password1234", "password1234")
                .andExpect(content().string(Matchers.containsString("one of the most used")));
        choose(token, "kettle river orange", "kettle river apple")
                .andExpect(content().string(Matchers.containsString("Type the same password again")));
        choose(token, "kettle river orange", "kettle river orange").andExpect(redirectedUrl("/login?passwordSet"));

        assertThat(http.withBasicAuth("sam.ellis", "kettle river orange").getForEntity("/api/tasks", String.class)
                .getStatusCode().value()).isEqualTo(200);
        choose(token, "another long password", "another long password")
                .andExpect(content().string(Matchers.containsString("This link has expired or has been used")));
        signIn("sam.ellis", "kettle river orange");
        assertThat(accounts.find("sam.ellis")).get().satisfies(account -> {
            assertThat(account.status()).isEqualTo(Accounts.Status.ACTIVE);
            assertThat(account.lastSignedInAt()).isNotNull();
        });
        assertThat(audit.eventsFor("ACCOUNT", "sam.ellis")).extracting(e -> e.purpose())
                .anySatisfy(p -> assertThat(p).startsWith("Invited as DUTY_MANAGER"))
                .anySatisfy(p -> assertThat(p).startsWith("Set their password"));
    }

    @Test
    void anExpiredOrMadeUpLinkSetsNothingAndAForgottenPasswordIsAskedForWithoutSayingWhoExists() throws Exception {
        accounts.invite(new Accounts.Details("jo.kerr", "Jo Kerr", "jo.kerr@council.example.org", Role.PANEL_MEMBER,
                null, null, null), person("admin"));
        String token = linkIn(letterTo("jo.kerr@council.example.org", "You are invited to TESSA"));
        clock.pin(clock.instant().plus(Duration.ofDays(8)));
        assertThat(accounts.linkWorks(token)).as("an invitation lasts a week").isFalse();
        clock.pin(java.time.Instant.now());
        assertThat(accounts.linkWorks("made-up")).isFalse();
        mvc.perform(get("/account/password").param("token", "made-up"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Ask for a new link")));

        for (String who : new String[] {"jo.kerr", "nobody-at-all"}) {
            mvc.perform(post("/account/forgotten").param("who", who).with(csrf()))
                    .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Check your email")));
        }
        String reset = linkIn(letterTo("jo.kerr@council.example.org", "Set a new TESSA password"));
        assertThat(accounts.linkWorks(token)).as("a new link ends the old").isFalse();
        choose(reset, "a quiet green meadow", "a quiet green meadow").andExpect(redirectedUrl("/login?passwordSet"));
        assertThat(http.withBasicAuth("jo.kerr", "a quiet green meadow").getForEntity("/api/enquiries", String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void someoneWhoLeavesIsSignedOutEverywhereAndTheirTasksGoBackToTheirTeam() throws Exception {
        accounts.invite(new Accounts.Details("lee.finch", "Lee Finch (duty manager)", "lee.finch@council.example.org",
                Role.DUTY_MANAGER, null, null, null), person("admin"));
        choose(linkIn(letterTo("lee.finch@council.example.org", "You are invited to TESSA")), "mountain bicycle lantern",
                "mountain bicycle lantern");
        String reference = enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty())
                .reference();
        String task = taskList.workOn(person("lee.finch"), reference).get(0).id();
        taskList.claim(task, person("lee.finch"));
        String session = signIn("lee.finch", "mountain bicycle lantern");
        assertThat(page("/tasks", session).statusCode()).isEqualTo(200);

        mvc.perform(post("/admin/accounts/lee.finch/deactivate").with(csrf()).with(user(person("admin"))))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/tasks", session).statusCode()).as("their session has ended").isEqualTo(302);
        assertThat(http.withBasicAuth("lee.finch", "mountain bicycle lantern").getForEntity("/api/tasks", String.class)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(taskList.workOn(person("duty-manager"), reference).get(0).assignee()).as("back in the queue").isNull();
        assertThat(caseRecord.eventsAbout(reference)).filteredOn(e -> e.kind() == CaseEventKind.WORK_TRANSFERRED)
                .singleElement().satisfies(e -> assertThat(e.summary())
                        .isEqualTo("Triage enquiry went back to the Duty managers queue: Lee Finch (duty manager)'s account "
                                + "was deactivated"));
        assertThat(accounts.list(Role.DUTY_MANAGER, Accounts.Status.DEACTIVATED, null, null)).extracting(Accounts.Account::username)
                .contains("lee.finch").doesNotContain("duty-manager");
        assertThat(accounts.list(Role.DUTY_MANAGER, Accounts.Status.ACTIVE, null, null)).extracting(Accounts.Account::username)
                .as("accounts made with a password, such as the demo's, are active").contains("duty-manager");
        long parrMeadow = staff.schoolByUrn("104811").orElseThrow().id();
        assertThat(accounts.list(null, null, parrMeadow, null)).extracting(Accounts.Account::username)
                .as("by school").contains("school-a").doesNotContain("school-b", "duty-manager");
        mvc.perform(get("/admin/accounts").param("belongsTo", "school-" + parrMeadow).with(user(person("admin"))))
                .andExpect(content().string(Matchers.containsString("Amira Khan")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Ben Holt"))));
        mvc.perform(post("/admin/accounts/admin/deactivate").with(csrf()).with(user(person("admin"))))
                .andExpect(status().isConflict());
    }

    @Test
    void passwordsFollowTheNcscAdviceLongAndNotCommonWithNoComplexityRules() {
        assertThat(rules.problemWith("kettle river orange", "sam")).isEmpty();
        assertThat(rules.problemWith("alllowercaseletters", "sam")).as("no complexity rules").isEmpty();
        assertThat(rules.problemWith("Password1234", "sam")).get().asString().contains("most used");
        assertThat(rules.problemWith("correct horse battery staple", "sam")).get().asString().contains("most used");
        assertThat(rules.problemWith("sam.ellis is my name", "sam.ellis")).get().asString().contains("username");
        assertThat(rules.problemWith("x".repeat(72), "sam")).isEmpty();
        assertThat(rules.problemWith("x".repeat(73), "sam")).get().asString().contains("no more than 72");
        assertThat(rules.problemWith("ë".repeat(37), "sam")).as("72 bytes is what BCrypt keeps").get().asString()
                .contains("accented letters");
    }

    private org.springframework.test.web.servlet.ResultActions choose(String token, String password, String repeated)
            throws Exception {
        return mvc.perform(post("/account/password").param("token", token).param("password", password)
                .param("repeated", repeated).with(csrf()));
    }

    private static MimeMessage letterTo(String recipient, String subject) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(recipient) && m.getSubject().equals(subject);
                    } catch (jakarta.mail.MessagingException unreadable) {
                        return false;
                    }
                }).reduce((first, latest) -> latest), Optional::isPresent).orElseThrow();
    }

    private static String linkIn(MimeMessage letter) {
        var found = LINK.matcher(GreenMailUtil.getBody(letter).replace("=\r\n", ""));
        assertThat(found.find()).as("a link in the letter").isTrue();
        return found.group(1);
    }

    private HttpResponse<String> page(String path, String session) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(HttpRequest.newBuilder(
                URI.create(http.getRootUri() + path)).header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
    }
}
