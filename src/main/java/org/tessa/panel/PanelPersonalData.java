package org.tessa.panel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tessa.shared.PersonalData;

/**
 * The panel's questions and the school's answers, its rationale, consent position and reasons for deferring;
 * the decisions, their dates and who made them stay.
 */
@Component
class PanelPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    PanelPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void anonymise(String enquiryReference) {
        jdbc.sql("""
                update panel_question set question = ?, answer = case when answer is null then null else ? end
                where enquiry_reference = ?""")
                .params(REMOVED, REMOVED, enquiryReference).update();
        jdbc.sql("""
                update panel_decision set rationale = ?,
                    consent_position = case when consent_position is null then null else ? end,
                    deferral_reason = case when deferral_reason is null then null else ? end
                where enquiry_reference = ?""")
                .params(REMOVED, REMOVED, REMOVED, enquiryReference).update();
        jdbc.sql("""
                update panel_case set last_deferral_reason = case when last_deferral_reason is null then null else ? end
                where enquiry_reference = ?""")
                .params(REMOVED, enquiryReference).update();
    }
}
