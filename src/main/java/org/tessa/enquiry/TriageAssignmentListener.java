package org.tessa.enquiry;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Keeps the enquiry's status in step with its triage task being claimed and put back. */
@Component("triageAssignment")
class TriageAssignmentListener implements TaskListener {

    private final EnquiryService enquiries;

    TriageAssignmentListener(EnquiryService enquiries) {
        this.enquiries = enquiries;
    }

    @Override
    public void notify(DelegateTask task) {
        String reference = task.getExecution().getProcessBusinessKey();
        if (task.getAssignee() == null) {
            enquiries.triageReturnedToQueue(reference);
        } else {
            enquiries.triageStarted(reference);
        }
    }
}
