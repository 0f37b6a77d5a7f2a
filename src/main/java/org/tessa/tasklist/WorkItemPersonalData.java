package org.tessa.tasklist;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.TaskCard;
import org.tessa.shared.PersonalData;

/** The work items of an anonymised enquiry name the child as the enquiry now does, as a rebuild would. */
@Component
class WorkItemPersonalData implements PersonalData {

    private final EnquiryService enquiries;
    private final JdbcClient jdbc;

    WorkItemPersonalData(EnquiryService enquiries, JdbcClient jdbc) {
        this.enquiries = enquiries;
        this.jdbc = jdbc;
    }

    @Override
    public void anonymise(String enquiryReference) {
        String childName = enquiries.taskCard(enquiryReference).map(TaskCard::childName).orElse(null);
        jdbc.sql("update work_item set child_name = ? where enquiry_reference = ?")
                .params(childName, enquiryReference).update();
    }
}
