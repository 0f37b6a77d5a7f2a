package org.tessa.plan;

import org.tessa.shared.FullDates;

/** What the referrer is told about the plan, in plain words. */
final class PlanLetters {

    private PlanLetters() {
    }

    static String plan(Plan plan) {
        StringBuilder actions = new StringBuilder();
        for (Plan.Action action : plan.actions()) {
            actions.append("- ").append(action.description()).append(" (").append(action.responsibleOrganisation())
                    .append(", by ").append(FullDates.date(action.dueDate())).append(")\n");
        }
        return """
                The plan for enquiry %s is agreed. This is its summary, written to the child:

                %s

                What will happen:
                %s
                The plan will be reviewed on %s.""".formatted(plan.enquiryReference(), plan.summaryForChild(),
                actions, FullDates.date(plan.reviewDate()));
    }

    static String planClosed(String reference) {
        return """
                The plan for enquiry %s has achieved what it set out to do, so we have closed it and the \
                enquiry. If things change or you are worried again, raise a new enquiry.""".formatted(reference);
    }
}
