package org.tessa.triage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tessa.shared.PersonalData;

/** The duty manager's advice and reasons for sharing; the outcome and the portals chosen stay for the figures. */
@Component
class TriagePersonalData implements PersonalData {

    private final JdbcClient jdbc;

    TriagePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void anonymise(String enquiryReference) {
        jdbc.sql("""
                update triage_decision set advice = ?,
                    sharing_without_consent = case when sharing_without_consent is null then null else ? end
                where enquiry_reference = ?""")
                .params(REMOVED, REMOVED, enquiryReference).update();
    }
}
