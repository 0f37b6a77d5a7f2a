package org.tessa.signposting;

/** The items of an enquiry that a referral may share with a portal: only those a portal needs. */
public enum SharedData {
    CHILD("The child's name, date of birth, UPN and year group"),
    SCHOOL("The school's name and URN"),
    CONCERNS("The kinds of concern"),
    SUMMARY("The school's summary"),
    CONSENT("The family's consent position"),
    REFERRER("The referrer's name, role and contact details");

    private final String label;

    SharedData(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
