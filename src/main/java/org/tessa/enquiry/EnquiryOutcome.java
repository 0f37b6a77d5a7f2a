package org.tessa.enquiry;

/** How an enquiry ended. */
public enum EnquiryOutcome {
    ADVICE_GIVEN("Advice given"),
    SIGNPOSTED("Signposted to another service"),
    NO_FURTHER_ACTION("No further action (NFA)"),
    SINGLE_AGENCY("Single agency assessment and support"),
    MULTI_AGENCY("Specialist multi-agency assessment and support");

    private final String label;

    EnquiryOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
