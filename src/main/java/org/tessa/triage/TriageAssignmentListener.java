package org.tessa.triage;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records in the case record that a duty manager picked up the triage task, or put it back in the queue. */
@Component("triageAssignment")
class TriageAssignmentListener implements TaskListener {

    private final TriageService triage;

    TriageAssignmentListener(TriageService triage) {
        this.triage = triage;
    }

    @Override
    public void notify(DelegateTask task) {
        String reference = task.getExecution().getProcessBusinessKey();
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null) {
            triage.claimed(reference, task.getAssignee());
        } else if (task.getAssignee() == null) {
            triage.returnedToQueue(reference);
        }
    }
}
