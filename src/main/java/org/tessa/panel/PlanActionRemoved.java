package org.tessa.panel;

/** An action was removed from a plan already in progress. */
public record PlanActionRemoved(String enquiryReference, long actionId) {
}
