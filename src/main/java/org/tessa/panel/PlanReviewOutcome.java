package org.tessa.panel;

/** What a plan review decides; the values of the plan review form's {@code reviewOutcome}. */
public enum PlanReviewOutcome {
    CONTINUE, CLOSE_ACHIEVED, BACK_TO_PANEL
}
