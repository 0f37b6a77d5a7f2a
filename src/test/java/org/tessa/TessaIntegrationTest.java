package org.tessa;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tessa.people.StaffDirectory;
import org.tessa.people.StaffMember;

/**
 * One running application for every integration test: the real security chain on a real port, the
 * embedded engine with its job executor, the demo accounts, and a real SMTP server (GreenMail).
 * Everything here is shared so that Spring starts once for the whole suite.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@org.springframework.context.annotation.Import(TessaIntegrationTest.TestClockConfiguration.class)
public abstract class TessaIntegrationTest {

    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ProcessEngine processEngine;

    @Autowired
    protected StaffDirectory staff;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected org.tessa.caserecord.CaseRecord caseRecord;

    @BeforeEach
    void initProcessAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The kinds of event the case record holds for an enquiry, oldest first. */
    protected java.util.List<org.tessa.caserecord.CaseEventKind> kindsRecordedFor(String reference) {
        return caseRecord.eventsAbout(reference).stream().map(org.tessa.caserecord.CaseEvent::kind).toList();
    }

    protected StaffMember person(String username) {
        return staff.loadUserByUsername(username);
    }

    /** Signs in through the login form, as a browser does; returns the session cookie. */
    protected String signIn(String username) {
        return signIn(username, "demo");
    }

    /** Signs in through the login form with this password; returns the session cookie. */
    protected String signIn(String username, String password) {
        try {
            var browser = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            var form = browser.send(java.net.http.HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            if (!token.find()) {
                throw new IllegalStateException("The sign-in page has no CSRF token");
            }
            String fields = "username=" + username + "&password=" + java.net.URLEncoder.encode(password,
                    java.nio.charset.StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
            var signedIn = browser.send(java.net.http.HttpRequest.newBuilder(URI.create(url("/login")))
                            .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                            .header(HttpHeaders.COOKIE, sessionCookie(form.headers().allValues(HttpHeaders.SET_COOKIE)))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(fields)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("Could not sign in as " + username + ": " + signedIn.statusCode());
            }
            return sessionCookie(signedIn.headers().allValues(HttpHeaders.SET_COOKIE));
        } catch (java.io.IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private String url(String path) {
        return http.getRootUri() + path;
    }

    private static String sessionCookie(java.util.List<String> setCookies) {
        return setCookies.stream().filter(cookie -> cookie.startsWith("SESSION=")).findFirst()
                .map(cookie -> cookie.split(";")[0])
                .orElseThrow(() -> new IllegalStateException("No session cookie"));
    }

    protected TestRestTemplate as(String username) {
        return http.withBasicAuth(username, "demo");
    }

    protected <T> ResponseEntity<T> postJson(String username, String path, Object body, Class<T> type) {
        return postJson(username, path, body, type, Map.of());
    }

    protected <T> ResponseEntity<T> postJson(String username, String path, Object body, Class<T> type,
            Map<String, String> headers) {
        var httpHeaders = new HttpHeaders();
        httpHeaders.setContentType(MediaType.APPLICATION_JSON);
        headers.forEach(httpHeaders::add);
        return as(username).exchange(path, HttpMethod.POST, new HttpEntity<>(body, httpHeaders), type);
    }

    /** A clock the tests can pin to a moment; otherwise the real time. */
    public static class TestClock extends Clock {

        private final AtomicReference<Instant> pinned = new AtomicReference<>();

        public void pin(Instant instant) {
            pinned.set(instant);
        }

        public void reset() {
            pinned.set(null);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            Instant instant = pinned.get();
            return instant != null ? instant : Instant.now();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClockConfiguration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
