package org.tessa.oversight;

import java.time.Instant;

/**
 * A step that failed after every retry: usually a portal that would not take a referral.
 *
 * @param portal the portal's code where the failed step belongs to a signpost, else empty
 */
public record PortalIncident(String id, String enquiryReference, String portal, String step, String error,
        Instant since, String jobId) {
}
