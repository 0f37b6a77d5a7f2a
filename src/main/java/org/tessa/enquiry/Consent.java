package org.tessa.enquiry;

/** Whether a parent or carer agreed to their family's information being shared. */
public enum Consent {
    GIVEN("Given"),
    NOT_GIVEN("Not given"),
    NOT_ASKED("Not asked yet");

    private final String label;

    Consent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
