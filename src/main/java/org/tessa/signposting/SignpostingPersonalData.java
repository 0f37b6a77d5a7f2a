package org.tessa.signposting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tessa.shared.PersonalData;

/** Why a referral was shared without consent and the notes of a chase; portals, decisions and dates stay. */
@Component
class SignpostingPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    SignpostingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void anonymise(String enquiryReference) {
        jdbc.sql("""
                update signpost set
                    sharing_basis = case when sharing_basis is null then null else ? end,
                    chase_note = case when chase_note is null then null else ? end
                where enquiry_reference = ?""")
                .params(REMOVED, REMOVED, enquiryReference).update();
    }
}
