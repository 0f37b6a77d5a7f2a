package org.tessa.panel;

import java.time.OffsetDateTime;

/** A meeting of the Ways Forward Panel (WFP). */
public record PanelMeeting(long id, OffsetDateTime startsAt, String place, String onlineLink, String chair,
        String members) {
}
