package org.tessa.enquiry;

import java.time.OffsetDateTime;

import org.tessa.caserecord.CaseEvent;
import org.tessa.caserecord.CaseEventKind;

/**
 * One line of a child's chronology: when, what kind of thing, what happened, who, about which enquiry,
 * and where the record it came from can be read.
 */
public record ChronologyEntry(OffsetDateTime at, CaseEventKind kind, String stage, String what, String summary,
        String by, String enquiryReference, String link) {

    static ChronologyEntry of(CaseEvent event) {
        return new ChronologyEntry(event.at(), event.kind(), event.kind().stage().label(), event.kind().label(),
                event.summary(), event.byName(), event.enquiryReference(), event.link());
    }

    ChronologyEntry withoutLink() {
        return new ChronologyEntry(at, kind, stage, what, summary, by, enquiryReference, null);
    }
}
