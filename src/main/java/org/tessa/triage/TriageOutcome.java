package org.tessa.triage;

/** What the duty manager decided; the values of the triage form's {@code triageOutcome}. */
public enum TriageOutcome {
    ADVICE_GIVEN, SIGNPOSTED, REFER_TO_PANEL
}
