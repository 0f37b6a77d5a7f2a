package org.tessa.plan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tessa.shared.PersonalData;

/**
 * What the plans said: outcomes sought, the summary for the child, the contingency, the actions' descriptions
 * and notes, and the reviews' progress. The plans' kinds, statuses, dates, organisations and outcomes stay.
 */
@Component
class PlanPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    PlanPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void anonymise(String enquiryReference) {
        jdbc.sql("""
                update support_plan set
                    outcomes_sought = case when outcomes_sought is null then null else :removed end,
                    summary_for_child = case when summary_for_child is null then null else :removed end,
                    contingency = case when contingency is null then null else :removed end,
                    end_reason = case when end_reason is null then null else :removed end
                where enquiry_reference = :reference""")
                .param("removed", REMOVED).param("reference", enquiryReference).update();
        jdbc.sql("""
                update plan_action set description = :removed,
                    latest_note = case when latest_note is null then null else :removed end,
                    cancelled_reason = case when cancelled_reason is null then null else :removed end
                where plan_id in (select id from support_plan where enquiry_reference = :reference)""")
                .param("removed", REMOVED).param("reference", enquiryReference).update();
        jdbc.sql("""
                update plan_review set progress = :removed
                where plan_id in (select id from support_plan where enquiry_reference = :reference)""")
                .param("removed", REMOVED).param("reference", enquiryReference).update();
    }
}
