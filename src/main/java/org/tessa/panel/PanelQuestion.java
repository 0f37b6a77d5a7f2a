package org.tessa.panel;

import java.time.OffsetDateTime;

/** A question the panel asked the school, and the school's answer once given. */
public record PanelQuestion(long id, String enquiryReference, String question, String askedBy, OffsetDateTime askedAt,
        String answer, String answeredBy, OffsetDateTime answeredAt, boolean withdrawn) {

    public boolean open() {
        return answer == null && !withdrawn;
    }
}
