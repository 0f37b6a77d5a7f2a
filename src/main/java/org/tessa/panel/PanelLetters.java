package org.tessa.panel;

/** What the referrer and the panel chair are told, in plain words with acronyms explained. */
final class PanelLetters {

    private PanelLetters() {
    }

    static String decision(PanelDecision decision, String leadProfessionalName) {
        String next = switch (decision.outcome()) {
            case NO_FURTHER_ACTION -> "The panel does not think support from more services is needed now, so we have "
                    + "closed the enquiry. If things change or you are still worried, raise a new enquiry.";
            case SINGLE_AGENCY -> decision.singleAgency() + " will assess and support the child. They will be in touch "
                    + "with the family, and a plan with actions and dates follows.";
            case MULTI_AGENCY -> "Several services will work together, led by " + leadProfessionalName
                    + " as the lead professional. A plan with actions, owners and dates follows.";
            case DEFER -> throw new IllegalArgumentException("A deferral is not sent to the referrer");
        };
        return """
                The Ways Forward Panel (WFP) discussed your enquiry %s.

                Decision: %s.

                %s

                If a child is at immediate risk of harm, phone the MASH (multi-agency safeguarding hub) or 999 now.""".formatted(
                decision.enquiryReference(), decision.outcome().label(), next);
    }

    static String awaitingDate(String reference) {
        return """
                Enquiry %s has been referred to the Ways Forward Panel (WFP), but no meeting is scheduled with \
                its agenda still open. The case waits, shown as "awaiting a panel date", until a meeting is \
                scheduled in TESSA.""".formatted(reference);
    }
}
