package org.tessa.triage;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tessa.enquiry.EnquiryProcess;
import org.tessa.tasklist.TaskCompletionCheck;
import org.tessa.tasklist.WorkItem;

/**
 * The triage rules checked before the task list completes a triage task. {@link RecordTriageDecision}
 * checks them again inside the engine, for clients that complete the task another way.
 */
@Component
class TriageCompletionCheck implements TaskCompletionCheck {

    private final TriageService triage;

    TriageCompletionCheck(TriageService triage) {
        this.triage = triage;
    }

    @Override
    public void check(WorkItem task, Map<String, Object> values) {
        if (!EnquiryProcess.TASK_TRIAGE_ENQUIRY.equals(task.taskKey())) {
            return;
        }
        List<String> signposts = values.get(EnquiryProcess.SIGNPOST_TO) instanceof Collection<?> portals
                ? portals.stream().map(Object::toString).toList() : List.of();
        triage.checkRules(task.enquiryReference(), TriageOutcome.valueOf((String) values.get(EnquiryProcess.TRIAGE_OUTCOME)),
                signposts, (String) values.get(RecordTriageDecision.SHARING_WITHOUT_CONSENT));
    }
}
