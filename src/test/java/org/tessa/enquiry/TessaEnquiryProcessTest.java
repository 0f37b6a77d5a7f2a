package org.tessa.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.tessa.enquiry.EnquiryProcess.EVENT_ENQUIRY_CLOSED;
import static org.tessa.enquiry.EnquiryProcess.ACTIVITY_WAYS_FORWARD_PANEL;
import static org.tessa.enquiry.EnquiryProcess.ACTIVITY_SIGNPOST_TO_PORTALS;
import static org.tessa.enquiry.EnquiryProcess.EVENT_ENQUIRY_SIGNPOSTED;
import static org.tessa.enquiry.EnquiryProcess.TASK_RECORD_SIGNPOSTING_OUTCOME;
import static org.tessa.enquiry.EnquiryProcess.TASK_SEND_SIGNPOSTING_OUTCOME;
import static org.tessa.enquiry.EnquiryProcess.TASK_SEND_TRIAGE_ADVICE;
import static org.tessa.enquiry.EnquiryProcess.TASK_SEND_RESPONSE_TO_REFERRER;
import static org.tessa.enquiry.EnquiryProcess.TASK_TRIAGE_ENQUIRY;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tessa.TessaIntegrationTest;

/** Every path through bpmn/tessa-enquiry.bpmn, with the real delegates and listeners. */
class TessaEnquiryProcessTest extends TessaIntegrationTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    EnquiryService enquiries;

    @Test
    void anEnquiryWaitsForTriageByTheDutyManagers() {
        ProcessInstance enquiry = logEnquiry();

        assertThat(enquiry).isStarted().isWaitingAt(TASK_TRIAGE_ENQUIRY)
                .variables().containsEntry(EnquiryProcess.ENQUIRY_REFERENCE, enquiry.getBusinessKey())
                .containsEntry(EnquiryProcess.IMMEDIATE_RISK, false);
        assertThat(task(enquiry)).hasCandidateGroup(EnquiryProcess.DUTY_MANAGERS).isNotAssigned();
        assertThat(status(enquiry)).isEqualTo(EnquiryStatus.AWAITING_TRIAGE);
    }

    @Test
    void claimingAndPuttingBackTheTriageTaskMovesTheStatus() {
        ProcessInstance enquiry = logEnquiry();

        taskService().claim(task(enquiry).getId(), "duty-manager");
        assertThat(status(enquiry)).isEqualTo(EnquiryStatus.IN_TRIAGE);

        taskService().setAssignee(task(enquiry).getId(), null);
        assertThat(status(enquiry)).isEqualTo(EnquiryStatus.AWAITING_TRIAGE);
    }

    @Test
    void adviceGivenClosesTheEnquiryAndSendsTheResponse() {
        ProcessInstance enquiry = logEnquiry();
        taskService().claim(task(enquiry).getId(), "duty-manager");

        complete(task(enquiry), withVariables(
                "triageOutcome", "ADVICE_GIVEN",
                "advice", "Offer Ellie a daily check-in with a trusted adult and refer the family to the Family Hub.",
                "levelOfNeed", "EARLY_HELP"));

        awaitEnded(enquiry);
        assertThat(enquiry).hasPassedInOrder(TASK_TRIAGE_ENQUIRY, TASK_SEND_RESPONSE_TO_REFERRER, EVENT_ENQUIRY_CLOSED);
        assertThat(status(enquiry)).isEqualTo(EnquiryStatus.CLOSED);
        assertThat(record(enquiry).outcome()).isEqualTo(EnquiryOutcome.ADVICE_GIVEN);
        assertThat(record(enquiry).responses()).singleElement()
                .satisfies(response -> assertThat(response.body()).contains("Offer Ellie a daily check-in"));
    }

    @Test
    void theAdviceTextStaysOutOfTheProcessWhileTheRoutingDecisionStays() {
        ProcessInstance enquiry = logEnquiry();
        taskService().claim(task(enquiry).getId(), "duty-manager");

        complete(task(enquiry), withVariables("triageOutcome", "REFER_TO_PANEL",
                "advice", "Several services know the family; the panel should agree one plan.",
                "levelOfNeed", "SPECIALIST"));

        assertThat(enquiry).variables().containsEntry("triageOutcome", "REFER_TO_PANEL").doesNotContainKey("advice");
    }

    @Test
    void signpostedCarriesOutEverySignpostThenClosesTheEnquiry() {
        ProcessInstance enquiry = logEnquiry();
        taskService().claim(task(enquiry).getId(), "duty-manager");

        complete(task(enquiry), withVariables("triageOutcome", "SIGNPOSTED",
                "advice", "The SEND portal is the right route for an EHC needs assessment request.",
                "levelOfNeed", "TARGETED", "signpostTo", List.of("SEND_PORTAL", "MENTAL_HEALTH_PORTAL")));
        assertThat(status(enquiry)).isIn(EnquiryStatus.SIGNPOSTED, EnquiryStatus.CLOSED);

        awaitEnded(enquiry);
        assertThat(enquiry).hasPassedInOrder(TASK_TRIAGE_ENQUIRY, TASK_SEND_TRIAGE_ADVICE, ACTIVITY_SIGNPOST_TO_PORTALS,
                TASK_RECORD_SIGNPOSTING_OUTCOME, TASK_SEND_SIGNPOSTING_OUTCOME, EVENT_ENQUIRY_SIGNPOSTED);
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .superProcessInstanceId(enquiry.getId()).processDefinitionKey("portal-signpost").count()).isEqualTo(2);
        EnquiryRecord closed = record(enquiry);
        assertThat(closed.status()).isEqualTo(EnquiryStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(EnquiryOutcome.SIGNPOSTED);
        assertThat(closed.responses()).extracting(ReferrerResponse::subject)
                .containsExactly("Advice about your enquiry", "What happened to your enquiry");
    }

    @Test
    void referredToPanelGoesToTheWaysForwardPanel() {
        ProcessInstance enquiry = logEnquiry();
        taskService().claim(task(enquiry).getId(), "duty-manager");

        complete(task(enquiry), withVariables("triageOutcome", "REFER_TO_PANEL",
                "advice", "Several services are involved; the Ways Forward Panel will agree a plan.",
                "levelOfNeed", "SPECIALIST"));

        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService().createProcessInstanceQuery()
                .superProcessInstanceId(enquiry.getId()).count() == 1);
        assertThat(enquiry).hasPassed(EnquiryProcess.TASK_SEND_PANEL_REFERRAL_ADVICE).isWaitingAt(ACTIVITY_WAYS_FORWARD_PANEL);
        assertThat(status(enquiry)).isEqualTo(EnquiryStatus.AWAITING_PANEL);
        assertThat(record(enquiry).responses()).singleElement()
                .satisfies(response -> assertThat(response.body()).contains("referred it to the Ways Forward Panel")
                        .contains("Until the panel meets, this is what the duty manager suggests you do:"));
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(enquiry.getId())
                .processDefinitionKey("ways-forward-panel").singleResult().getBusinessKey())
                .isEqualTo(enquiry.getBusinessKey());
    }

    @Test
    void triageIsDueOneWorkingDayLaterAcrossAWeekend() {
        clock.pin(LocalDateTime.parse("2026-11-20T16:30").atZone(LONDON).toInstant());

        ProcessInstance enquiry = logEnquiry();

        assertThat(task(enquiry).getDueDate().toInstant())
                .isEqualTo(LocalDateTime.parse("2026-11-23T16:30").atZone(LONDON).toInstant());
    }

    @Test
    void triageIsDueOneWorkingDayLaterAcrossBankHolidays() {
        clock.pin(LocalDateTime.parse("2026-12-24T10:00").atZone(LONDON).toInstant());

        ProcessInstance enquiry = logEnquiry();

        assertThat(task(enquiry).getDueDate().toInstant())
                .isEqualTo(LocalDateTime.parse("2026-12-29T10:00").atZone(LONDON).toInstant());
    }

    private ProcessInstance logEnquiry() {
        LoggedEnquiry logged = enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty());
        return runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(EnquiryProcess.PROCESS_KEY)
                .processInstanceBusinessKey(logged.reference()).singleResult();
    }

    private EnquiryRecord record(ProcessInstance enquiry) {
        return enquiries.read(enquiry.getBusinessKey(), person("duty-manager"), "Process test");
    }

    private EnquiryStatus status(ProcessInstance enquiry) {
        return record(enquiry).status();
    }

    private static void awaitEnded(ProcessInstance enquiry) {
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService().createProcessInstanceQuery()
                .processInstanceId(enquiry.getId()).singleResult() == null);
    }
}
