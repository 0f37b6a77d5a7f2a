package org.tessa.plan;

/** An action was removed from a plan already in progress. */
public record PlanActionRemoved(String enquiryReference, long actionId) {
}
