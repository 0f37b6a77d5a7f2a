package org.tessa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tessa.TessaIntegrationTest;

/**
 * Requests no client should send, sent as they arrive on the wire (raw paths, raw bodies): each gets a clear
 * 4xx in the API's problem+json or a GOV.UK page, never a 500 and never a stack trace.
 */
class HostileRequestsTest extends TessaIntegrationTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aNulCharacterInJsonTextIsRefusedWithA400SayingWhere() throws Exception {
        var enquiry = org.tessa.enquiry.Enquiries.json();
        @SuppressWarnings("unchecked")
        var child = (java.util.Map<String, Object>) enquiry.get("child");
        child.put("firstName", "No\u0000ah");
        String body = JSON.writeValueAsString(enquiry);

        HttpResponse<String> answer = send("school-a", "POST", "/api/enquiries", "application/json", body);

        assertProblem(answer, 400);
        assertThat(answer.body()).contains("NUL").contains("child.firstName");
    }

    @Test
    void aFormSentByABrowserKeepsLettersFromEveryAlphabet() throws Exception {
        String session = signIn("admin");
        String form = client.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + "/admin/glossary"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString()).body();
        var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        String term = "Utf" + ProcessHandle.current().pid();
        String meaning = "Zoë, Nguyễn Văn An, محمد and אבי";

        HttpResponse<String> sent = client.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + "/admin/glossary"))
                .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("term=" + term + "&meaning="
                        + java.net.URLEncoder.encode(meaning, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(jdbc.sql("select meaning from glossary_term where term = ?").param(term).query(String.class).single())
                .as("read as UTF-8, as browsers send it, whichever filter reads the form first").isEqualTo(meaning);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aNulCharacterInAFormFieldOrAnAddressIsRefusedWithA400() throws Exception {
        HttpResponse<String> nulInPath = send("duty-manager", "GET", "/api/enquiries/TES-2026-00%00001", null, null);
        assertThat(nulInPath.statusCode()).as("refused by Tomcat itself, before TESSA sees it").isEqualTo(400);
        assertThat(nulInPath.body()).doesNotContain("Exception").doesNotContain("Tomcat/");
        assertProblem(send("duty-manager", "GET", "/api/tasks?view=%00", null, null), 400);
        HttpResponse<String> page = send("duty-manager", "GET", "/enquiries?status=%00", null, null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("govuk-heading-xl").doesNotContain("Exception");
    }

    @Test
    void aBodyOfNoParticularTypeIsRefusedWith415() throws Exception {
        assertProblem(send("school-a", "POST", "/api/enquiries", "*/*", JSON.writeValueAsString(org.tessa.enquiry.Enquiries.json())), 415);
    }

    @Test
    void oddFormsOfTheEngineAddressesAreRefusedNotFailed() throws Exception {
        for (String path : new String[] {"//engine-rest/engine", "/engine-rest;x=1/engine", "/%65ngine-rest/engine",
                "/camunda/api//engine", "/api/..;/engine-rest/engine"}) {
            HttpResponse<String> answer = send("admin", "GET", path, null, null);
            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            assertThat(answer.body()).as(path).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void unknownAddressesAndMethodsUnderTheApiAnswerProblemJson() throws Exception {
        assertProblem(send("duty-manager", "GET", "/api/no-such-thing", null, null), 404);
        assertProblem(send("duty-manager", "DELETE", "/api/enquiries", null, null), 405);
        assertProblem(send("duty-manager", "PUT", "/api/tasks", "application/json", "{}"), 405);
    }

    @Test
    void theErrorPageAskedForDirectlyIsNoError() throws Exception {
        HttpResponse<String> answer = send(null, "GET", "/error", null, null);
        assertThat(answer.statusCode()).isBetween(200, 499);
    }

    private HttpResponse<String> send(String username, String method, String path, String contentType, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!path.startsWith("/api")) {
            request.header("Accept", "text/html,application/xhtml+xml");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(answer.uri().toString())
                .startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"detail\"").doesNotContain("Exception");
    }
}
