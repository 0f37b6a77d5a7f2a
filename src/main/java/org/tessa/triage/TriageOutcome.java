package org.tessa.triage;

/** What the duty manager decided; the values of the triage form's {@code triageOutcome}. */
public enum TriageOutcome {
    ADVICE_GIVEN("Advice given"),
    SIGNPOSTED("Signposted to another service"),
    REFER_TO_PANEL("Referred to the Ways Forward Panel (WFP)");

    private final String label;

    TriageOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
