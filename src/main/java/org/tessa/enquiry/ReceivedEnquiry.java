package org.tessa.enquiry;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What the figures count about an enquiry: when and how it arrived, from which school, about what, where it
 * stands (derived from its case record) and whether it is a re-referral. Nothing that names the child.
 *
 * @param reReferral  another enquiry about the same child ({@link ChildMatching}) arrived in the 12 months before it
 */
public record ReceivedEnquiry(String reference, OffsetDateTime receivedAt, long schoolId, String schoolName,
        Channel channel, Set<Concern> concerns, boolean immediateRisk, EnquiryStatus status, EnquiryOutcome outcome,
        boolean reReferral) {
}
