package org.tessa.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A bespoke plan: outcomes sought for the child, specific actions with owners and dates, a review date
 * and a contingency, and a summary addressed to the child. An enquiry may have several over time: only
 * the latest can be in force, and the others stay as they ended.
 *
 * @param leadProfessional the lead professional's username (multi-agency plans)
 * @param endReason        why the plan ended, once it has
 */
public record Plan(long id, String enquiryReference, SupportKind kind, String agency, String leadProfessional,
        PlanStatus status, String outcomesSought, String summaryForChild, String contingency, LocalDate reviewDate,
        String endReason, List<Action> actions, List<Review> reviews) {

    /** Being written, in progress, or back with the panel: not yet ended. */
    public boolean inForce() {
        return status == PlanStatus.DRAFT || status == PlanStatus.CONFIRMED || status == PlanStatus.RETURNED_TO_PANEL;
    }

    /**
     * @param partnerOrganisationId the Family Hub partner organisation that owns the action, if one does
     * @param cancelledReason       why the action was cancelled, if it was
     */
    public record Action(long id, String description, String responsibleOrganisation, Long partnerOrganisationId,
            LocalDate dueDate, ActionStatus status, ActionOutcome outcome, String latestNote, String cancelledReason) {

        /** Still to be done: neither completed nor cancelled. */
        public boolean open() {
            return status != ActionStatus.COMPLETED && status != ActionStatus.CANCELLED;
        }
    }

    public record Review(PlanReviewOutcome outcome, String progress, LocalDate nextReviewDate, String reviewedBy,
            OffsetDateTime reviewedAt) {
    }
}
