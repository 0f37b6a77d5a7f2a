package org.tessa.tasklist;

import java.time.Instant;

/**
 * A task someone may work on, as the task list and the API show it.
 *
 * @param taskKey  the BPMN element id (for example Task_TriageEnquiry)
 * @param formKey  the id of the task's Camunda Form (for example triage)
 */
public record WorkItem(String id, String name, String taskKey, String enquiryReference, Instant created,
        Instant due, String assignee, String formKey, Timeliness timeliness) {
}
