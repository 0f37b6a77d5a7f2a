package org.tessa.plan;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tessa.people.Role;

/** The listeners of the plan's review in {@code ways-forward-panel}: thin, they call {@link PlanService}. */
@Configuration(proxyBeanMethods = false)
class PlanDelegates {

    /**
     * Reviews, and reassigning or chasing a plan's actions, go to the plan's lead professional; for a plan
     * without one, to the panel members.
     */
    @Bean
    TaskListener assignToPlanLead(PlanService plans) {
        return task -> plans.reviewer(task.getExecution().getProcessBusinessKey()).ifPresentOrElse(
                task::setAssignee, () -> task.addCandidateGroup(Role.PANEL_MEMBER.workQueue().orElseThrow()));
    }

    @Bean
    TaskListener recordPlanReview(PlanService plans) {
        return task -> {
            String nextReview = text(task, PlanProcess.NEXT_REVIEW_DATE);
            plans.recordReview(task.getExecution().getProcessBusinessKey(),
                    PlanReviewOutcome.valueOf(text(task, PlanProcess.REVIEW_OUTCOME)), text(task, PlanProcess.PROGRESS),
                    nextReview == null ? null : LocalDate.parse(nextReview), task.getAssignee())
                    .ifPresent(due -> task.getExecution().setVariable(PlanProcess.PLAN_REVIEW_DUE, Date.from(due)));
            task.getExecution().removeVariable(PlanProcess.PROGRESS);
        };
    }

    private static String text(DelegateTask task, String name) {
        return (String) task.getVariable(name);
    }
}
