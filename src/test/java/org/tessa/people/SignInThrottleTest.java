package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.tessa.TessaIntegrationTest;

/**
 * Guessing a password: after five failures from one address that person must wait there, even with the right one.
 * And a session nobody uses for half an hour ends.
 */
class SignInThrottleTest extends TessaIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aGuessedPasswordIsRefusedAfterFiveFailuresUntilTheWaitIsOver() throws Exception {
        String target = account("guess-target");

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(getTasks(target, "guess" + attempt).statusCode()).isEqualTo(401);
        }
        var refused = getTasks(target, "demo");

        assertThat(refused.statusCode()).as("the right password, after five wrong ones").isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(refused.body()).contains("Wait 15 minutes");
        assertThat(getTasks("duty-manager", "demo").statusCode())
                .as("others signing in from the same address are not locked out").isEqualTo(200);

        clock.pin(java.time.Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(getTasks(target, "demo").statusCode()).as("after the wait").isEqualTo(200);
    }

    @Test
    void theSignInFormSaysHowLongToWait() throws Exception {
        String target = account("guess-target-form");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(postSignIn(target, "guess" + attempt).headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }

        assertThat(postSignIn(target, "demo").headers().firstValue("Location").orElse("")).endsWith("/login?wait=15");
        assertThat(http.getForObject("/login?wait=15", String.class))
                .contains("You have tried to sign in too many times. Wait 15 minutes, then try again.");
    }

    @Test
    void aSessionLeftIdleForHalfAnHourEnds() throws Exception {
        String cookie = signIn("lead-professional");
        assertThat(getPage("/my-cases", cookie).statusCode()).as("signed in").isEqualTo(200);
        String sessionId = new String(java.util.Base64.getDecoder().decode(cookie.substring("SESSION=".length())),
                java.nio.charset.StandardCharsets.UTF_8);

        // As if the last request had come 31 minutes ago: the session store times sessions by its own clock.
        jdbc.update("update spring_session set last_access_time = last_access_time - ? where session_id = ?",
                Duration.ofMinutes(31).toMillis(), sessionId);

        var idle = getPage("/my-cases", cookie);
        assertThat(idle.statusCode()).isEqualTo(302);
        assertThat(idle.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    private HttpResponse<String> getPage(String path, String cookie) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(http.getRootUri() + path)).header("Cookie", cookie).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Sent with the JDK's client, which (unlike TestRestTemplate's) does not wait out a Retry-After by itself. */
    private HttpResponse<String> getTasks(String username, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/tasks"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<Void> postSignIn(String username, String password) throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var form = client.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow().split(";")[0];
        return client.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                        + "&_csrf=" + token.group(1))).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** A fresh account, so that no other test's sign-ins count towards its limit. */
    private String account(String prefix) {
        String username = prefix + "-" + System.nanoTime();
        staff.addAccount(username, "demo", "Someone being guessed", Role.DUTY_MANAGER, null);
        return username;
    }
}
