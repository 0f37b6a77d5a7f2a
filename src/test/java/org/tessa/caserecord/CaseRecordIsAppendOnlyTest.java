package org.tessa.caserecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Enquiries;

/** On PostgreSQL the database itself refuses to change or delete a case event, whoever asks. */
class CaseRecordIsAppendOnlyTest extends TessaIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateCaseEvents() throws SQLException {
        assumeTrue(onPostgreSql(), "the trigger is PostgreSQL's; H2 has no trigger language");
        String reference = postJson("school-a", "/api/enquiries", Enquiries.json(), JsonNode.class).getBody()
                .get("reference").asText();

        assertThatThrownBy(() -> jdbc.update("update case_event set summary = 'changed' where enquiry_reference = ?", reference))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from case_event where enquiry_reference = ?", reference))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate case_event"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(caseRecord.eventsAbout(reference)).singleElement()
                .satisfies(event -> assertThat(event.summary()).startsWith("Enquiry received"));
    }

    private boolean onPostgreSql() throws SQLException {
        try (var connection = jdbc.getDataSource().getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }
}
