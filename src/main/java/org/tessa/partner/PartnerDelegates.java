package org.tessa.partner;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tessa.plan.ActionOutcome;
import org.tessa.plan.PlanService;

/** The listeners and service tasks of {@code partner-action}: thin, they call {@link PartnerWork}. */
@Configuration(proxyBeanMethods = false)
class PartnerDelegates {

    @Bean
    TaskListener recordPartnerUpdate(PartnerWork work) {
        return task -> {
            String outcome = (String) task.getVariable(PartnerActionProcess.ACTION_OUTCOME);
            work.recordUpdate(actionId(task.getExecution()),
                    PartnerWork.PartnerUpdate.valueOf((String) task.getVariable(PartnerActionProcess.PARTNER_UPDATE)),
                    (String) task.getVariable(PartnerActionProcess.NOTE),
                    outcome == null ? null : ActionOutcome.valueOf(outcome), task.getAssignee());
            task.getExecution().removeVariable(PartnerActionProcess.NOTE);
            task.getExecution().setVariable(PartnerActionProcess.ACTION_WORKER, task.getAssignee());
        };
    }

    /** The person who last updated the action keeps it, so that they need not claim it again for each update. */
    @Bean
    TaskListener keepActionWithItsWorker() {
        return task -> {
            if (task.getVariable(PartnerActionProcess.ACTION_WORKER) instanceof String worker) {
                task.setAssignee(worker);
            }
        };
    }

    @Bean
    TaskListener reassignAction(PartnerWork work) {
        return task -> {
            task.getExecution().setVariable(PartnerActionProcess.PARTNER_QUEUE,
                    work.reassign(actionId(task.getExecution()),
                            Long.parseLong((String) task.getVariable(PartnerActionProcess.PARTNER_ORGANISATION)),
                            task.getAssignee()));
            task.getExecution().removeVariable(PartnerActionProcess.ACTION_WORKER);
        };
    }

    @Bean
    JavaDelegate remindOrganisation(PartnerWork work) {
        return execution -> work.remind(actionId(execution));
    }

    @Bean
    JavaDelegate tellOrganisationOverdue(PartnerWork work) {
        return execution -> work.tellOverdue(actionId(execution));
    }

    @Bean
    TaskListener recordActionChase(PlanService plans) {
        return task -> {
            plans.recordActionChase(actionId(task.getExecution()),
                    (String) task.getVariable(PartnerActionProcess.CHASE_NOTE), task.getAssignee());
            task.getExecution().removeVariable(PartnerActionProcess.CHASE_NOTE);
        };
    }

    private static long actionId(DelegateExecution execution) {
        return ((Number) execution.getVariable(PartnerActionProcess.ACTION_ID)).longValue();
    }
}
