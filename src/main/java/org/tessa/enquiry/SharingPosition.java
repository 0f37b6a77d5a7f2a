package org.tessa.enquiry;

/** Whether the school reported an immediate risk, and whether the family consented to sharing. */
public record SharingPosition(boolean immediateRisk, Consent consent) {

    public boolean consentGiven() {
        return consent == Consent.GIVEN;
    }
}
