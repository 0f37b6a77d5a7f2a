package org.tessa.triage;

import java.time.OffsetDateTime;
import java.util.List;

/** A duty manager's triage of one enquiry. */
/**
 * @param signposts             the codes of the portals signposted to
 * @param sharingWithoutConsent why the enquiry may be shared although the family has not consented
 */
public record TriageDecision(String enquiryReference, TriageOutcome outcome, String advice, LevelOfNeed levelOfNeed,
        List<String> signposts, String sharingWithoutConsent, String decidedBy, OffsetDateTime decidedAt) {
}
