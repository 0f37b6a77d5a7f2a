package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.tessa.TessaIntegrationTest;

/** Camunda's Cockpit, Tasklist and Admin and the engine REST API are for administrators only. */
class CamundaWebappsAccessTest extends TessaIntegrationTest {

    @Test
    void anAdministratorReachesCockpitSignedInThroughTessa() {
        ResponseEntity<String> cockpit = as("admin").getForEntity("/camunda/app/cockpit/default/", String.class);

        assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cockpit.getBody()).containsIgnoringCase("cockpit");
    }

    @Test
    void theWebappsKnowTheAdministratorWithoutASecondSignIn() {
        ResponseEntity<String> cockpit = as("admin").getForEntity("/camunda/app/cockpit/default/", String.class);
        var session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, cockpit.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);

        ResponseEntity<String> user = as("admin").exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(session), String.class);

        assertThat(user.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(user.getBody()).contains("\"userId\":\"admin\"").contains("cockpit");
    }

    @Test
    void nobodyElseReachesTheWebapps() {
        for (String username : new String[] {"duty-manager", "school-a", "panel-member", "partner"}) {
            assertThat(as(username).getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode())
                    .as(username).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(username).getForEntity("/camunda/api/engine/engine/default/task", String.class).getStatusCode())
                    .as(username).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void theEngineRestApiIsForAdministratorsOnly() {
        assertThat(as("admin").getForEntity("/engine-rest/engine", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("duty-manager").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
