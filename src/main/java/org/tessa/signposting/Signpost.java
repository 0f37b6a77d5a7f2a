package org.tessa.signposting;

import java.time.OffsetDateTime;

/** One portal an enquiry was signposted to, and what came of it. */
public record Signpost(String enquiryReference, Portal portal, PortalMode mode, SignpostStatus status,
        String sharingBasis, String acknowledgement, MashDecision decision, String decisionReference,
        OffsetDateTime decisionDueAt, boolean decisionOverdue, OffsetDateTime decidedAt, String chaseNote) {
}
