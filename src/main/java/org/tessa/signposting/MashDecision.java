package org.tessa.signposting;

/** What the MASH (multi-agency safeguarding hub) decided about a referral. */
public enum MashDecision {
    NO_FURTHER_ACTION("No further action (NFA) by children's social care"),
    EARLY_HELP("Early help: support from a Family Hub or the school, no social care assessment"),
    SOCIAL_CARE_ASSESSMENT("A children's social care assessment (child in need, CIN)"),
    CHILD_PROTECTION_ENQUIRY("A child protection (CP) enquiry: social care and police act now");

    private final String label;

    MashDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
