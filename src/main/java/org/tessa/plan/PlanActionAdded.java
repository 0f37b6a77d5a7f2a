package org.tessa.plan;

/** An action was added to a plan already in progress. */
public record PlanActionAdded(String enquiryReference, Plan.Action action) {
}
