package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.tessa.TessaIntegrationTest;

/** The headers that keep TESSA's pages from running others' scripts, being framed, or leaking addresses. */
class ResponseHeadersTest extends TessaIntegrationTest {

    @Test
    void tessasPagesAllowOnlyTheirOwnScriptsAndSendNoAddressElsewhere() {
        HttpHeaders page = http.getForEntity("/login", String.class).getHeaders();

        assertThat(page.getFirst("Content-Security-Policy")).contains("script-src 'self';").contains("style-src 'self';")
                .contains("frame-ancestors 'self'").doesNotContain("unsafe-inline");
        assertThat(page.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(page.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theApiSendsTheSameHeaders() {
        HttpHeaders api = as("duty-manager").getForEntity("/api/enquiries", String.class).getHeaders();

        assertThat(api.getFirst("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(api.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void camundasWebappsKeepTheirOwnPolicy() {
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, signIn("admin"));
        HttpHeaders cockpit = http.exchange("/camunda/app/cockpit/default/", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class).getHeaders();

        assertThat(cockpit.get("Content-Security-Policy")).as("one policy, Camunda's").hasSize(1)
                .first().asString().doesNotContain("frame-ancestors 'self'; script-src 'self';");
    }

    @Test
    void behindTheCouncilsTlsProxyTheSessionCookieIsSecureAndBrowsersAreToldToKeepToHttps() {
        var headers = new HttpHeaders();
        headers.add("X-Forwarded-Proto", "https");
        headers.add("X-Forwarded-For", "203.0.113.7");
        HttpHeaders answer = http.exchange("/login", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class).getHeaders();

        assertThat(answer.getFirst("Strict-Transport-Security")).contains("max-age=");
        assertThat(answer.get(HttpHeaders.SET_COOKIE)).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void overPlainHttpNoHstsIsSent() {
        assertThat(http.getForEntity("/login", String.class).getHeaders().getFirst("Strict-Transport-Security")).isNull();
    }
}
