package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tessa.TessaIntegrationTest;

/** A load balancer learns UP or DOWN from anyone's request; only administrators see why. Nothing else is exposed. */
class HealthEndpointTest extends TessaIntegrationTest {

    @Test
    void anyoneLearnsUpAndOnlyAdministratorsSeeTheDetails() {
        var anonymous = http.getForEntity("/actuator/health", JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(200);
        assertThat(anonymous.getBody().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.getBody().has("components")).isFalse();
        assertThat(http.getForEntity("/actuator/health/readiness", JsonNode.class).getBody().get("status").asText())
                .isEqualTo("UP");
        assertThat(as("duty-manager").getForObject("/actuator/health", JsonNode.class).has("components")).isFalse();

        JsonNode details = as("admin").getForObject("/actuator/health", JsonNode.class);
        assertThat(details.get("components").fieldNames()).toIterable().contains("db", "processEngine", "jobExecutor");
    }

    @Test
    void noOtherActuatorEndpointIsExposed() {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/configprops"}) {
            assertThat(as("admin").getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(404);
        }
    }
}
