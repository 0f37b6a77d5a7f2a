package org.tessa.enquiry;

import java.util.List;

import org.tessa.people.StaffMember;

/**
 * Something another feature needs the reader of an enquiry to know or do, shown at the top of the
 * enquiry's page: for example a question the Ways Forward Panel asked the school.
 */
public interface EnquiryNotice {

    List<Notice> noticesFor(String enquiryReference, StaffMember reader);

    /** @param link where the reader acts on it */
    record Notice(String text, String link) {
    }
}
