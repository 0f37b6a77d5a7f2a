package org.tessa.panel;

import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks and listeners of {@code ways-forward-panel}: thin, they call {@link PanelService}. */
@Configuration(proxyBeanMethods = false)
class PanelDelegates {

    static final String RATIONALE = "rationale";
    static final String ATTENDEES = "attendees";
    static final String CONSENT_POSITION = "consentPosition";
    static final String SINGLE_AGENCY = "singleAgency";
    static final String LEAD_PROFESSIONAL = "leadProfessional";
    static final String DEFERRAL_REASON = "deferralReason";

    @Bean
    JavaDelegate placeOnAgenda(PanelService panel) {
        return execution -> {
            Optional<java.time.Instant> meeting = panel.placeOnAgenda(execution.getProcessBusinessKey());
            execution.setVariable(PanelProcess.ON_AGENDA, meeting.isPresent());
            execution.setVariable(PanelProcess.MEETING_STARTS_AT, meeting.map(Date::from).orElse(null));
            execution.setVariable(PanelProcess.DECISION_DUE_AT, meeting.map(panel::decisionDue).map(Date::from).orElse(null));
        };
    }

    @Bean
    TaskListener recordPanelDecision(PanelService panel) {
        return task -> {
            panel.decide(new PanelDecision(task.getExecution().getProcessBusinessKey(),
                    PanelDecisionOutcome.valueOf(text(task, PanelProcess.PANEL_DECISION)),
                    text(task, RATIONALE), text(task, ATTENDEES), text(task, CONSENT_POSITION),
                    text(task, SINGLE_AGENCY), text(task, LEAD_PROFESSIONAL), text(task, DEFERRAL_REASON),
                    task.getAssignee()));
            task.getExecution().removeVariables(java.util.List.of(RATIONALE, ATTENDEES, CONSENT_POSITION,
                    SINGLE_AGENCY, LEAD_PROFESSIONAL, DEFERRAL_REASON));
        };
    }

    private static String text(DelegateTask task, String name) {
        return (String) task.getVariable(name);
    }
}
