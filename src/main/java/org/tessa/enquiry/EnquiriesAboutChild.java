package org.tessa.enquiry;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tessa.audit.ChildRecords;

/** The enquiries about a child, by name: how the audit log is searched by child. */
@Component
class EnquiriesAboutChild implements ChildRecords {

    private final EnquiryRepository enquiries;

    EnquiriesAboutChild(EnquiryRepository enquiries) {
        this.enquiries = enquiries;
    }

    @Override
    public List<String> referencesAbout(String name) {
        return enquiries.referencesAboutChildNamed(name);
    }
}
