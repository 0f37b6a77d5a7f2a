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
        ResponseEntity<String> cockpit = signedIn("admin", "/camunda/app/cockpit/default/");

        assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cockpit.getBody()).containsIgnoringCase("cockpit");
    }

    @Test
    void theWebappsKnowTheAdministratorWithoutASecondSignIn() {
        String session = signIn("admin");
        get(session, "/camunda/app/cockpit/default/");

        ResponseEntity<String> user = get(session, "/camunda/api/admin/auth/user/default");

        assertThat(user.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(user.getBody()).contains("\"userId\":\"admin\"").contains("cockpit");
    }

    @Test
    void nobodyElseReachesTheWebapps() {
        for (String username : new String[] {"duty-manager", "school-a", "panel-member", "partner"}) {
            String session = signIn(username);
            assertThat(get(session, "/camunda/app/cockpit/default/").getStatusCode()).as(username)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(get(session, "/camunda/api/engine/engine/default/task").getStatusCode()).as(username)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        ResponseEntity<String> response = http.getForEntity("/camunda/app/cockpit/default/", String.class);

        assertThat(response.getBody()).contains("Sign in to TESSA");
    }

    @Test
    void theEngineRestApiIsForAdministratorsOnly() {
        assertThat(as("admin").getForEntity("/engine-rest/engine", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("duty-manager").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> signedIn(String username, String path) {
        return get(signIn(username), path);
    }

    private ResponseEntity<String> get(String session, String path) {
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
