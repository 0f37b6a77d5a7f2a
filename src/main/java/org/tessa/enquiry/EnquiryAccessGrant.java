package org.tessa.enquiry;

import org.tessa.people.StaffMember;

/**
 * Access to an enquiry that another feature gives because of a role it knows about, such as the lead
 * professional a plan names. Checked on the server for every read, like every other access rule.
 */
public interface EnquiryAccessGrant {

    boolean grants(StaffMember reader, String enquiryReference);
}
