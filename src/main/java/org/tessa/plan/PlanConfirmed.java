package org.tessa.plan;

import java.util.List;

/** A plan was confirmed: its actions are agreed, with their owners and due dates. */
public record PlanConfirmed(String enquiryReference, List<Plan.Action> actions) {
}
