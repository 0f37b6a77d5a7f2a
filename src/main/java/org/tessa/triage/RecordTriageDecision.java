package org.tessa.triage;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.tessa.enquiry.EnquiryProcess;

/**
 * On completion of "Triage enquiry": stores the decision in TESSA's tables. The free-text advice is a
 * fact about the child: TESSA's task list passes it as a transient value, and it is removed here should
 * another client (Camunda Tasklist) have stored it. The coded choices stay in the process to route on.
 */
@Component("recordTriageDecision")
class RecordTriageDecision implements TaskListener {

    static final String ADVICE = "advice";
    static final String LEVEL_OF_NEED = "levelOfNeed";
    static final String SHARING_WITHOUT_CONSENT = "sharingWithoutConsent";

    private final TriageService triage;

    RecordTriageDecision(TriageService triage) {
        this.triage = triage;
    }

    @Override
    public void notify(DelegateTask task) {
        triage.decide(task.getExecution().getProcessBusinessKey(),
                TriageOutcome.valueOf((String) task.getVariable(EnquiryProcess.TRIAGE_OUTCOME)),
                (String) task.getVariable(ADVICE),
                LevelOfNeed.valueOf((String) task.getVariable(LEVEL_OF_NEED)),
                signposts(task.getVariable(EnquiryProcess.SIGNPOST_TO)),
                (String) task.getVariable(SHARING_WITHOUT_CONSENT),
                task.getAssignee());
        task.getExecution().removeVariables(List.of(ADVICE, SHARING_WITHOUT_CONSENT));
    }

    private static List<String> signposts(Object value) {
        if (!(value instanceof Collection<?> portals)) {
            return List.of();
        }
        return portals.stream().map(Object::toString).toList();
    }
}
