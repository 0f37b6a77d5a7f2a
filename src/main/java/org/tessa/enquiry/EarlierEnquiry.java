package org.tessa.enquiry;

import java.time.OffsetDateTime;

/** An earlier enquiry about the same child, as the known-child check shows it. */
public record EarlierEnquiry(String reference, String schoolName, OffsetDateTime receivedAt, EnquiryStatus status,
        EnquiryOutcome outcome) {
}
