package org.tessa.partner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tessa.enquiry.EnquiryAccessGrant;
import org.tessa.people.Role;
import org.tessa.people.StaffMember;

/** A partner organisation may read a case while it holds, or once held, a task on it, and no other. */
@Component
class PartnerCaseAccess implements EnquiryAccessGrant {

    private final JdbcClient jdbc;

    PartnerCaseAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean grants(StaffMember reader, String enquiryReference) {
        return reader.hasRole(Role.PARTNER) && reader.organisationId().map(organisation -> jdbc.sql("""
                select count(*) from partner_case_access where enquiry_reference = ? and organisation_id = ?""")
                .params(enquiryReference, organisation).query(Long.class).single() > 0).orElse(false);
    }
}
