package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with the council's identity provider, and integrations' tokens from it, against a real OpenID Connect
 * server started by the test (mock-oauth2-server): the provider's role claim gives the TESSA role, the email claim
 * the account; someone without an account is refused with a message; a token is accepted only for TESSA's audience,
 * unexpired, from a client TESSA knows. TESSA's own passwords are switched off here, as a council may choose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:tessa-single-sign-on;DB_CLOSE_DELAY=-1",
        "spring.security.oauth2.client.registration.council.client-id=tessa",
        "spring.security.oauth2.client.registration.council.client-secret=a-client-secret",
        "spring.security.oauth2.client.registration.council.scope=openid,profile,email",
        "spring.security.oauth2.resourceserver.jwt.audiences=tessa",
        "tessa.single-sign-on.roles-claim=roles",
        "tessa.single-sign-on.roles.[tessa-managers]=MANAGER",
        "tessa.single-sign-on.roles.[tessa-duty-managers]=DUTY_MANAGER",
        "tessa.single-sign-on.token-clients.[parr-meadow-mis]=school-a",
        "tessa.single-sign-on.passwords=false"})
@ActiveProfiles({"test", "demo"})
@org.springframework.context.annotation.Import(org.tessa.TessaIntegrationTest.TestClockConfiguration.class)
class SingleSignOnTest {

    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start(0);
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        String issuer = PROVIDER.issuerUrl("council").toString();
        properties.add("spring.security.oauth2.client.provider.council.issuer-uri", () -> issuer);
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ApiKeys keys;

    @Test
    void theProvidersEmailAndRoleClaimsSignSomeoneInToTheirAccount() throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("council", "morgan.lee", "JWT", List.of("tessa"),
                Map.of("email", "Head.Of.Service@council.example.org", "name", "Morgan Lee", "roles", List.of("tessa-managers")),
                3600));

        HttpClient browser = browser();
        HttpResponse<String> landed = follow(browser, "/oauth2/authorization/council");

        assertThat(landed.uri().getPath()).as("the manager's first page").isEqualTo("/oversight/drift");
        assertThat(landed.body()).contains("Drift list").contains("Sign out Morgan Lee (head of service)");
        assertThat(follow(browser, "/figures").statusCode()).isEqualTo(200);
    }

    @Test
    void someoneWithoutATessaAccountIsRefusedWithAMessage() throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("council", "stranger", "JWT", List.of("tessa"),
                Map.of("email", "stranger@council.example.org", "roles", List.of("tessa-duty-managers")), 3600));

        HttpResponse<String> refused = follow(browser(), "/oauth2/authorization/council");

        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.body()).contains("Error: Sign in")
                .contains("There is no TESSA account for stranger@council.example.org. Ask your TESSA administrator to invite you.");
        assertThat(staff.usernameForEmail("stranger@council.example.org")).isEmpty();
    }

    @Test
    void anIntegrationsTokenActsAsItsAccountOnlyForTessaUnexpiredAndFromAKnownClient() throws Exception {
        String valid = PROVIDER.issueToken("council", "parr-meadow-mis", "tessa", Map.of(), 3600).serialize();
        String otherAudience = PROVIDER.issueToken("council", "parr-meadow-mis", "payroll", Map.of(), 3600).serialize();
        String expired = PROVIDER.issueToken("council", "parr-meadow-mis", "tessa", Map.of(), -120).serialize();
        String unknownClient = PROVIDER.issueToken("council", "somebody-else", "tessa", Map.of(), 3600).serialize();

        assertThat(api(valid).statusCode()).isEqualTo(200);
        assertThat(api(valid).body()).contains("\"reference\"").doesNotContain("Windle Vale").as("school-a's own enquiries");
        for (String refused : List.of(otherAudience, expired, unknownClient)) {
            HttpResponse<String> answer = api(refused);
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void withPasswordsSwitchedOffOnlyTheProviderSignsPeopleInAndKeysStillWork() throws Exception {
        HttpResponse<String> signInPage = follow(browser(), "/login");
        assertThat(signInPage.body()).contains("Sign in with your council account").doesNotContain("name=\"password\"")
                .doesNotContain("Forgotten your password?");
        HttpResponse<String> formPost = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(http.getRootUri() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=duty-manager&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(formPost.statusCode()).as("no password sign-in to post to").isIn(302, 403, 404, 405);
        assertThat(formPost.headers().firstValue("Location").orElse("")).doesNotEndWith("/");
        assertThat(http.withBasicAuth("duty-manager", "demo").getForEntity("/api/tasks", String.class).getStatusCode()
                .value()).as("HTTP Basic is off too").isEqualTo(401);
        String key = keys.issue("MIS", "school-a", 1, staff.loadUserByUsername("admin")).token();
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/schools"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("API keys still work").isEqualTo(200);
    }

    private HttpResponse<String> api(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/enquiries"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.ALWAYS).build();
    }

    private HttpResponse<String> follow(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
