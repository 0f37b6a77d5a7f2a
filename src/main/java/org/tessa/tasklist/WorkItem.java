package org.tessa.tasklist;

import java.time.Instant;

/**
 * A task someone may work on, as the task list and the API show it.
 *
 * @param taskKey  the BPMN element id (for example Task_TriageEnquiry)
 * @param immediateRisk  the school said the child may be at immediate risk of harm
 * @param formKey  the id of the task's Camunda Form (for example triage)
 * @param childName  whom the enquiry is about, with the school and the concerns, so a task can be chosen unopened
 */
public record WorkItem(String id, String name, String taskKey, String enquiryReference, boolean immediateRisk,
        Instant created, Instant due, String assignee, String formKey, Timeliness timeliness, String childName,
        String schoolName, String concerns) {

    WorkItem withTimeliness(Timeliness timeliness) {
        return new WorkItem(id, name, taskKey, enquiryReference, immediateRisk, created, due, assignee, formKey,
                timeliness, childName, schoolName, concerns);
    }
}
