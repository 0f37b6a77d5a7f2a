package org.tessa.enquiry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseEventRecorded;
import org.tessa.caserecord.CaseRecord;

/**
 * Keeps the status columns of {@code enquiry} (what lists and filters read) equal to the status derived
 * from the case record, in the transaction of the step that added the event.
 */
@Component
class EnquiryStatusProjection {

    private final CaseRecord caseRecord;
    private final EnquiryRepository enquiries;

    EnquiryStatusProjection(CaseRecord caseRecord, EnquiryRepository enquiries) {
        this.caseRecord = caseRecord;
        this.enquiries = enquiries;
    }

    @EventListener
    void eventRecorded(CaseEventRecorded recorded) {
        // A record's first event moves nothing on: the enquiry was inserted a moment ago awaiting triage, with
        // no outcome and nothing overdue, which is what that one event derives (EnquiryStatusesTest).
        if (recorded.event().kind() != CaseEventKind.ENQUIRY_RECEIVED) {
            refresh(recorded.event().enquiryReference());
        }
    }

    /** Derives the enquiry's status again from its whole record. */
    void refresh(String reference) {
        write(reference, EnquiryStatuses.derive(caseRecord.eventsAbout(reference)));
    }

    private void write(String reference, EnquiryStatuses.Derived derived) {
        enquiries.updateStatus(reference, derived.status(), derived.outcome(), derived.overdueReason());
    }
}
