package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * TESSA as a council installs it: no demo profile, so no demo accounts and no default password; the first
 * administrator comes from the environment and can sign in. Its own application and its own empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:tessa-production;DB_CLOSE_DELAY=-1",
        "tessa.first-admin.username=ayesha.admin",
        "tessa.first-admin.password=correct horse battery staple"})
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(org.tessa.TessaIntegrationTest.TestClockConfiguration.class)
class ProductionModeTest {

    @Autowired
    StaffDirectory staff;

    @Autowired
    TestRestTemplate http;

    @Test
    void thereAreNoDemoAccountsAndTheFirstAdministratorCanSignIn() {
        for (Role role : Role.values()) {
            assertThat(staff.withRole(role)).extracting(StaffMember::getUsername).as(role.name())
                    .containsOnly(role == Role.ADMIN ? new String[] {"ayesha.admin"} : new String[0]);
        }
        assertThat(staff.schools()).isEmpty();
        assertThat(http.withBasicAuth("ayesha.admin", "correct horse battery staple").getForEntity("/api/schools",
                String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/api/schools", String.class).getStatusCode().value())
                .isEqualTo(401);
    }
}
