package org.tessa.partner;

import org.tessa.panel.Plan;
import org.tessa.people.PartnerOrganisation;

/** What partner organisations are told. */
final class PartnerLetters {

    private PartnerLetters() {
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
}
