package org.tessa.plan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tessa.enquiry.EnquiryAccessGrant;
import org.tessa.people.Role;
import org.tessa.people.StaffMember;

/** The lead professional a plan names may read the enquiry the plan belongs to, and no other. */
@Component
class LeadProfessionalAccess implements EnquiryAccessGrant {

    private final JdbcClient jdbc;

    LeadProfessionalAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean grants(StaffMember reader, String enquiryReference) {
        return reader.hasRole(Role.LEAD_PROFESSIONAL) && jdbc.sql("""
                select count(*) from support_plan where enquiry_reference = ? and lead_professional = ?""")
                .params(enquiryReference, reader.getUsername()).query(Long.class).single() > 0;
    }
}
