package org.tessa.triage;

import java.time.OffsetDateTime;
import java.util.List;

/** A duty manager's triage of one enquiry. */
public record TriageDecision(String enquiryReference, TriageOutcome outcome, String advice, LevelOfNeed levelOfNeed,
        List<Portal> signposts, String decidedBy, OffsetDateTime decidedAt) {
}
