package org.tessa.partner;

import org.tessa.plan.Plan;
import org.tessa.people.PartnerOrganisation;

/** What partner organisations are told. */
final class PartnerLetters {

    private PartnerLetters() {
    }

    /** A letter about one action to the organisation that owns it. */
    @FunctionalInterface
    interface Letter {
        String write(String reference, Plan.Action action, PartnerOrganisation partner);
    }

    static String overdue(String reference, Plan.Action action, PartnerOrganisation partner) {
        return """
                Dear %s,

                A plan action for enquiry %s was due on %s and is not yet recorded as complete:

                %s

                The lead professional will be in touch. Please record your progress, or complete the action, in \
                TESSA's task list today.""".formatted(partner.contactName(), reference, action.dueDate(),
                action.description());
    }

    static String reminder(String reference, Plan.Action action, PartnerOrganisation partner) {
        return """
                Dear %s,

                A plan action for enquiry %s is due on %s:

                %s

                Please record your progress, or complete the action, in TESSA's task list. The case summary there \
                has what the family has already told us, so there is no need to ask them again.""".formatted(
                partner.contactName(), reference, action.dueDate(), action.description());
    }

    static String cancelled(String reference, Plan.Action action, PartnerOrganisation partner, String reason) {
        return """
                Dear %s,

                A plan action for enquiry %s is cancelled, so it has left your task list:

                %s

                Why: %s.

                Please stop work on it. Anything you recorded stays in the case record.""".formatted(
                partner.contactName(), reference, action.description(), reason);
    }
}
