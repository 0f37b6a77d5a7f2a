package org.tessa.panel;

/** What the referrer and the panel chair are told, in plain words with acronyms explained. */
final class PanelLetters {

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy");

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

    static String plan(Plan plan) {
        StringBuilder actions = new StringBuilder();
        for (Plan.Action action : plan.actions()) {
            actions.append("- ").append(action.description()).append(" (").append(action.responsibleOrganisation())
                    .append(", by ").append(action.dueDate().format(DATE)).append(")\n");
        }
        return """
                The plan for enquiry %s is agreed. This is its summary, written to the child:

                %s

                What will happen:
                %s
                The plan will be reviewed on %s.""".formatted(plan.enquiryReference(), plan.summaryForChild(),
                actions, plan.reviewDate().format(DATE));
    }

    static String planClosed(String reference) {
        return """
                The plan for enquiry %s has achieved what it set out to do, so we have closed it and the \
                enquiry. If things change or you are worried again, raise a new enquiry.""".formatted(reference);
    }

    static String awaitingDate(String reference) {
        return """
                Enquiry %s has been referred to the Ways Forward Panel (WFP), but no meeting is scheduled with \
                its agenda still open. The case waits, shown as "awaiting a panel date", until a meeting is \
                scheduled in TESSA.""".formatted(reference);
    }
}
