package org.tessa.signposting;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks and task listeners of {@code portal-signpost} and the signposting steps of
 * {@code tessa-enquiry}: each reads the reference and the portal, calls {@link SignpostService}, and
 * writes back at most a routing value or a due date.
 */
@Configuration(proxyBeanMethods = false)
class SignpostDelegates {

    @Bean
    JavaDelegate prepareSignpost(SignpostService signposts) {
        return execution -> {
            SignpostService.SignpostRoute route = signposts.prepare(reference(execution), portal(execution));
            execution.setVariable(SignpostingProcess.PORTAL_MODE, route.mode().name());
            execution.setVariable(SignpostingProcess.SAFEGUARDING, route.safeguarding());
        };
    }

    @Bean
    JavaDelegate recordGuidance(SignpostService signposts) {
        return execution -> signposts.recordGuidance(reference(execution), portal(execution));
    }

    @Bean
    JavaDelegate sendReferralToPortal(SignpostService signposts) {
        return execution -> setDecisionDue(execution,
                signposts.sendReferral(reference(execution), portal(execution)));
    }

    @Bean
    TaskListener awaitMashConfirmation(SignpostService signposts) {
        return task -> signposts.awaitConfirmation(reference(task.getExecution()), portal(task.getExecution()));
    }

    @Bean
    TaskListener recordMashConfirmation(SignpostService signposts) {
        return task -> {
            DelegateExecution execution = task.getExecution();
            setDecisionDue(execution, signposts.recordMashConfirmation(reference(execution), portal(execution),
                    (String) task.getVariable(SignpostingProcess.MASH_REFERENCE), task.getAssignee()));
            execution.removeVariable(SignpostingProcess.MASH_REFERENCE);
        };
    }

    @Bean
    JavaDelegate flagMashDecisionOverdue(SignpostService signposts) {
        return execution -> signposts.flagDecisionOverdue(reference(execution), portal(execution));
    }

    @Bean
    TaskListener recordMashChase(SignpostService signposts) {
        return task -> {
            DelegateExecution execution = task.getExecution();
            signposts.recordChase(reference(execution), portal(execution),
                    (String) task.getVariable(SignpostingProcess.CHASE_NOTE), task.getAssignee());
            execution.removeVariable(SignpostingProcess.CHASE_NOTE);
        };
    }

    @Bean
    JavaDelegate recordSignpostingOutcome(SignpostService signposts) {
        return execution -> signposts.closeWithResponse(reference(execution));
    }

    private static String reference(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static String portal(DelegateExecution execution) {
        return (String) execution.getVariable(SignpostingProcess.PORTAL);
    }

    private static void setDecisionDue(DelegateExecution execution, Instant due) {
        if (due != null) {
            execution.setVariable(SignpostingProcess.MASH_DECISION_DUE, Date.from(due));
        }
    }
}
