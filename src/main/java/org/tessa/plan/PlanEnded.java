package org.tessa.plan;

import java.util.List;

/**
 * A plan ended (closed, superseded by a new plan, or ended by a decision of no further action): the
 * actions it still had open are cancelled, and whoever was carrying them out must stop and be told why.
 */
public record PlanEnded(String enquiryReference, String reason, List<Plan.Action> cancelledActions) {
}
