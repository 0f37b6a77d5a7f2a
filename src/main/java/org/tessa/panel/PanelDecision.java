package org.tessa.panel;

/**
 * The panel's decision on one case.
 *
 * @param singleAgency     for SINGLE_AGENCY: the agency that assesses and supports
 * @param leadProfessional for MULTI_AGENCY: the lead professional identified
 * @param deferralReason   for DEFER: why the case waits for the next meeting
 */
public record PanelDecision(String enquiryReference, PanelDecisionOutcome outcome, String rationale, String attendees,
        String consentPosition, String singleAgency, String leadProfessional, String deferralReason, String decidedBy) {
}
