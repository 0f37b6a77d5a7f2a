package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.TessaIntegrationTest;
import org.tessa.audit.AuditLog;
import org.tessa.shared.InvalidSubmissionException;

/** Integrations use keys an administrator issues and revokes, instead of passwords. */
class ApiKeysTest extends TessaIntegrationTest {

    @Autowired
    ApiKeys keys;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aValidKeyActsAsItsAccountAndOnlyAsThatAccount() throws Exception {
        String token = keys.issue("Parr Meadow MIS", "school-a", 30, person("admin")).token();

        var logged = send("POST", "/api/enquiries", token, new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(org.tessa.enquiry.Enquiries.json()));
        assertThat(logged.statusCode()).isEqualTo(201);
        assertThat(logged.body()).contains("\"reference\"");
        assertThat(send("GET", "/api/tasks", token, null).statusCode()).as("a school's key is a school's access")
                .isEqualTo(403);
        assertThat(token).startsWith("tessa_").hasSizeGreaterThan(50);
        assertThat(keys.all()).filteredOn(key -> token.contains(key.keyPrefix())).singleElement()
                .satisfies(key -> assertThat(key.lastUsedAt()).isNotNull());
    }

    @Test
    void aWrongRevokedOrExpiredKeyOrOneForADisabledAccountIsRefusedWithAClearAnswer() throws Exception {
        String token = keys.issue("MASH system", "mash-system", 1, person("admin")).token();
        assertThat(send("GET", "/api/schools", token, null).statusCode()).isEqualTo(200);

        var wrong = send("GET", "/api/schools", token.substring(0, token.length() - 2) + "xx", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(wrong.body()).contains("The API key is not valid");
        assertThat(send("GET", "/api/schools", "tessa_nonsense", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/schools", "not-even-a-key", null).statusCode()).isEqualTo(401);

        clock.pin(clock.instant().plus(Duration.ofDays(2)));
        assertThat(send("GET", "/api/schools", token, null).statusCode()).as("expired").isEqualTo(401);
        clock.pin(java.time.Instant.now());

        String revoked = keys.issue("Old MIS", "school-b", 30, person("admin")).token();
        long id = keys.all().stream().filter(key -> revoked.contains(key.keyPrefix())).findFirst().orElseThrow().id();
        keys.revoke(id, person("admin"));
        assertThat(send("GET", "/api/schools", revoked, null).statusCode()).isEqualTo(401);
        assertThat(audit.eventsFor("API_KEY", revoked.substring(6, 14))).extracting(e -> e.purpose())
                .anySatisfy(purpose -> assertThat(purpose).startsWith("Issued API key 'Old MIS'"))
                .anySatisfy(purpose -> assertThat(purpose).startsWith("Revoked API key 'Old MIS'"));
    }

    @Test
    void keysCannotActAsAdministratorsAndAreIssuedOnlyByThem() throws Exception {
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidSubmissionException.class,
                () -> keys.issue("Everything", "admin", 30, person("admin"))).problems())
                .extracting(p -> p.message()).containsExactly(
                        "A key cannot act as an administrator: choose the integration's own account");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidSubmissionException.class,
                () -> keys.issue("", "nobody", 9999, person("admin"))).problems())
                .extracting(p -> p.field()).containsExactly("name", "account", "validDays");
        mvc.perform(post("/admin/api-keys").param("name", "MIS").param("account", "school-a").param("validDays", "30")
                .with(csrf()).with(user(person("manager")))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/api-keys").param("name", "Windle Vale MIS").param("account", "school-b")
                        .param("validDays", "90").with(csrf()).with(user(person("admin"))))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("issued"));
        mvc.perform(post("/admin/api-keys").param("name", "").param("account", "school-a").param("validDays", "many")
                        .with(csrf()).with(user(person("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter how many days the key works, from 1 to 730")));
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
