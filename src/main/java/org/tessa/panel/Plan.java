package org.tessa.panel;

import java.time.LocalDate;
import java.util.List;

/**
 * A bespoke plan: outcomes sought for the child, specific actions with owners and dates, a review date
 * and a contingency, and a summary addressed to the child.
 *
 * @param leadProfessional the lead professional's username (multi-agency plans)
 */
public record Plan(long id, String enquiryReference, PanelDecisionOutcome kind, String agency, String leadProfessional,
        PlanStatus status, String outcomesSought, String summaryForChild, String contingency, LocalDate reviewDate,
        List<Action> actions) {

    /**
     * @param partnerOrganisationId the Family Hub partner organisation that owns the action, if one does
     */
    public record Action(long id, String description, String responsibleOrganisation, Long partnerOrganisationId,
            LocalDate dueDate, ActionStatus status, ActionOutcome outcome, String latestNote) {
    }
}
