package org.tessa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.NewEnquiry;

/** Lists and refused reads are in the audit log, and administrators can search it and take it away as CSV. */
class AuditLogTest extends TessaIntegrationTest {

    @Autowired
    EnquiryService enquiries;

    @Autowired
    AuditLog audit;

    @Autowired
    MockMvc mvc;

    @Test
    void aListOfEnquiriesAndARefusedReadAreBothWrittenDown() throws Exception {
        String reference = logEnquiryAbout("Kacper", "Zielinski");

        mvc.perform(get("/enquiries").with(user(person("school-a")))).andExpect(status().isOk());
        mvc.perform(get("/enquiries/" + reference).with(user(person("school-b")))).andExpect(status().isNotFound());

        assertThat(audit.search("test", "school-a", null, null, null, 5))
                .anySatisfy(entry -> assertThat(entry.action() + " " + entry.purpose()).startsWith("LIST Enquiries page:"));
        assertThat(audit.eventsFor("ENQUIRY", reference)).as("the refusal is kept though the request rolled back")
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("REFUSED");
                    assertThat(entry.username()).isEqualTo("school-b");
                });
    }

    @Test
    void anAdministratorFindsEveryoneWhoOpenedAChildsRecordAndDownloadsIt() throws Exception {
        String reference = logEnquiryAbout("Oluwaseun", "Adeyemi-Brook");
        mvc.perform(get("/enquiries/" + reference).with(user(person("duty-manager")))).andExpect(status().isOk());

        String page = mvc.perform(get("/admin/audit").param("child", "seun adeyemi").with(user(person("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(reference).contains("duty-manager").contains("Viewed enquiry");

        var csv = mvc.perform(get("/admin/audit.csv").param("child", "seun adeyemi").with(user(person("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getContentAsString()).startsWith("when,who,action,record type,record,why")
                .contains("\"duty-manager\",\"READ\",\"ENQUIRY\",\"" + reference + "\",\"Viewed enquiry\"");
        assertThat(audit.search("test", "admin", null, null, null, 3)).as("the search itself is in the log")
                .anySatisfy(entry -> assertThat(entry.purpose()).startsWith("Searched the audit log"));
    }

    @Test
    void aBadDateIsAFormErrorAndOnlyAdministratorsMaySearch() throws Exception {
        String page = mvc.perform(get("/admin/audit").param("fromDay", "31").param("fromMonth", "2").param("fromYear", "2026")
                        .with(user(person("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Error: Audit log").contains("href=\"#fromDay\"").contains("Enter the first day as a real date");

        mvc.perform(get("/admin/audit").with(user(person("duty-manager")))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit.csv").with(user(person("school-a")))).andExpect(status().isForbidden());
    }

    private String logEnquiryAbout(String firstName, String lastName) {
        NewEnquiry worry = Enquiries.attendanceWorry();
        NewEnquiry about = new NewEnquiry(worry.schoolUrn(), new NewEnquiry.Child(firstName, lastName,
                worry.child().dateOfBirth(), null, worry.child().yearGroup()), worry.concerns(), worry.summary(),
                worry.immediateRisk(), worry.consent(), worry.referrer(), worry.channel());
        return enquiries.log(about, person("school-a"), Channel.WEB, Optional.empty()).reference();
    }

    @Test
    void onPostgreSqlTheDatabaseRefusesToChangeOrDeleteTheAuditLog() throws Exception {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        try (var connection = dataSource.getConnection()) {
            org.junit.jupiter.api.Assumptions.assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"),
                    "the trigger is PostgreSQL's; H2 has no trigger language");
        }
        String reference = logEnquiryAbout("Ines", "Duarte");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "update audit_event set username = 'someone else' where record_reference = ?", reference))
                .hasMessageContaining("The audit log is append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "delete from audit_event where record_reference = ?", reference))
                .hasMessageContaining("The audit log is append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .hasMessageContaining("The audit log is append-only");
        assertThat(audit.eventsFor("ENQUIRY", reference)).isNotEmpty();
    }

    @Autowired
    javax.sql.DataSource dataSource;
}
