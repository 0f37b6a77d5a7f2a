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
import org.tessa.shared.PersonalData;

/**
 * On PostgreSQL the database itself refuses to change or delete a case event, whoever asks; the one change it lets
 * through is the retention schedule's anonymising of an enquiry already marked anonymised.
 */
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

    @Test
    void anonymisingUnderTheRetentionScheduleIsTheOneChangeAllowed() throws SQLException {
        assumeTrue(onPostgreSql(), "the trigger is PostgreSQL's; H2 has no trigger language");
        String reference = postJson("school-a", "/api/enquiries", Enquiries.json(), JsonNode.class).getBody()
                .get("reference").asText();
        String removed = PersonalData.REMOVED;

        assertThatThrownBy(() -> jdbc.update("update case_event set summary = ? where enquiry_reference = ?", removed, reference))
                .as("not before the enquiry itself is anonymised")
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        jdbc.update("update enquiry set anonymised_at = current_timestamp where reference = ?", reference);
        assertThatThrownBy(() -> jdbc.update("update case_event set summary = 'changed' where enquiry_reference = ?", reference))
                .as("only to the removal notice").isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("update case_event set summary = ?, kind = 'CASE_NOTE_ADDED' where enquiry_reference = ?",
                removed, reference)).as("never what happened").isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("update case_event set summary = ?, details = '{\"forged\":\"yes\"}' where enquiry_reference = ?",
                removed, reference)).as("details may only lose entries").isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from case_event where enquiry_reference = ?", reference))
                .isInstanceOf(DataAccessException.class);

        assertThat(jdbc.update("update case_event set summary = ? where enquiry_reference = ?", removed, reference)).isEqualTo(1);
        assertThat(caseRecord.eventsAbout(reference)).singleElement()
                .satisfies(event -> assertThat(event.kind()).isEqualTo(CaseEventKind.ENQUIRY_RECEIVED))
                .satisfies(event -> assertThat(event.summary()).isEqualTo(removed));
    }

    private boolean onPostgreSql() throws SQLException {
        try (var connection = jdbc.getDataSource().getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }
}
