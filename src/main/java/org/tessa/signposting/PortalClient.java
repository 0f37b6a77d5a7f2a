package org.tessa.signposting;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Sends a referral to a portal's HTTP endpoint: JSON, the portal's token from the environment variable its
 * configuration names, and an idempotency key so that a retry never makes a second referral. A portal
 * answers 2xx with {@code {"reference": "..."}}, its acknowledgement; anything else is a failure the
 * engine retries and, in the end, shows as an incident.
 */
@Component
class PortalClient {

    private final RestClient rest;
    private final Environment environment;

    PortalClient(RestClient.Builder builder, Environment environment,
            @Value("${tessa.portals.timeout:PT20S}") Duration timeout) {
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.rest = builder.requestFactory(requests).build();
        this.environment = environment;
    }

    String refer(Portal portal, String idempotencyKey, Map<String, Object> referral) {
        Acknowledgement acknowledgement = rest.post()
                .uri(portal.endpoint())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .headers(headers -> authorise(portal, headers))
                .body(referral)
                .retrieve()
                .body(Acknowledgement.class);
        if (acknowledgement == null || acknowledgement.reference() == null || acknowledgement.reference().isBlank()) {
            throw new IllegalStateException(portal.name() + " accepted the referral but sent no reference");
        }
        return acknowledgement.reference();
    }

    private void authorise(Portal portal, HttpHeaders headers) {
        if (portal.credentialVariable() == null || portal.credentialVariable().isBlank()) {
            return;
        }
        String token = environment.getProperty(portal.credentialVariable());
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("The environment variable " + portal.credentialVariable()
                    + " with the API token for " + portal.name() + " is not set");
        }
        headers.setBearerAuth(token);
    }

    record Acknowledgement(String reference) {
    }
}
