package org.tessa.enquiry;

import java.time.OffsetDateTime;

/** Something TESSA told the referrer about their enquiry. {@code emailedAt} is empty until it was emailed. */
public record ReferrerResponse(String subject, String body, String sentTo, OffsetDateTime createdAt,
        OffsetDateTime emailedAt) {
}
