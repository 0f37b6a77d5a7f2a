package org.tessa.enquiry;

/** Where an enquiry is on the pathway, in words a school understands. */
public enum EnquiryStatus {
    AWAITING_TRIAGE("Waiting for a duty manager", "grey"),
    IN_TRIAGE("A duty manager is looking at it", "blue"),
    SIGNPOSTED("Signposted to another service", "purple"),
    AWAITING_PANEL("Waiting for the Ways Forward Panel", "yellow"),
    PLAN_IN_PROGRESS("A support plan is in progress", "turquoise"),
    CLOSED("Closed", "green"),
    WITHDRAWN("Withdrawn", "grey");

    private final String label;
    private final String tagColour;

    EnquiryStatus(String label, String tagColour) {
        this.label = label;
        this.tagColour = tagColour;
    }

    public String label() {
        return label;
    }

    /** The GOV.UK tag colour that shows this status. */
    public String tagColour() {
        return tagColour;
    }
}
