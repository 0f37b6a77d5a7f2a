package org.tessa.caserecord;

import org.springframework.stereotype.Component;
import org.tessa.shared.PersonalData;

/**
 * An anonymised enquiry's chronology keeps every event, when it happened, its kind, who recorded it and who may
 * see it, so the figures and the story of the service stay; its words (case notes, what schools added, reasons)
 * go.
 */
@Component
class CaseRecordPersonalData implements PersonalData {

    private final CaseEventRepository events;

    CaseRecordPersonalData(CaseEventRepository events) {
        this.events = events;
    }

    @Override
    public void anonymise(String enquiryReference) {
        events.anonymise(enquiryReference, REMOVED);
    }
}
