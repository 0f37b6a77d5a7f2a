package org.tessa.enquiry;

import java.time.OffsetDateTime;

/** One line of a list of enquiries. */
public record EnquirySummary(String reference, String schoolName, String childName, boolean immediateRisk,
        EnquiryStatus status, EnquiryOutcome outcome, OffsetDateTime receivedAt, String overdueReason) {
}
