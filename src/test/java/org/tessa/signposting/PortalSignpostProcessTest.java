package org.tessa.signposting;

import static org.tessa.caserecord.CaseEventKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.tessa.signposting.SignpostingProcess.EVENT_MASH_DECISION_RECEIVED;
import static org.tessa.signposting.SignpostingProcess.TASK_CHASE_MASH_DECISION;
import static org.tessa.signposting.SignpostingProcess.TASK_CONFIRM_MASH_REFERRAL;
import static org.tessa.signposting.SignpostingProcess.TASK_RECORD_GUIDANCE;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.runtime.Job;
import org.springframework.test.web.servlet.MockMvc;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;

/** The paths of bpmn/portal-signpost.bpmn that need no portal endpoint (those are in PortalReferralTest). */
class PortalSignpostProcessTest extends TessaIntegrationTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    EnquiryService enquiries;

    @Autowired
    SignpostService signposts;

    @Autowired
    MockMvc mvc;

    @Test
    void aGuidancePortalIsExplainedToTheSchool() {
        String reference = logEnquiry();

        ProcessInstance signpost = start(reference, "SEND_PORTAL", null);

        assertThat(signpost).hasPassed(TASK_RECORD_GUIDANCE, "Event_GuidanceGiven").isEnded();
        assertThat(signpostFor(reference, "SEND_PORTAL").status()).isEqualTo(SignpostStatus.GUIDANCE_GIVEN);
        assertThat(signpostFor(reference, "SEND_PORTAL").mode()).isEqualTo(PortalMode.GUIDANCE);
        assertThat(kindsRecordedFor(reference)).contains(GUIDANCE_GIVEN);
    }

    @Test
    void theMashInGuidanceModeWaitsForTheDutyManagerThenForTheDecision() throws Exception {
        clock.pin(LocalDateTime.parse("2027-01-08T14:00").atZone(LONDON).toInstant());
        String reference = logEnquiry();

        ProcessInstance signpost = start(reference, "MASH", null);

        assertThat(signpost).isWaitingAt(TASK_CONFIRM_MASH_REFERRAL);
        assertThat(task(signpost)).hasCandidateGroup("duty-managers");
        assertThat(signpostFor(reference, "MASH").status()).isEqualTo(SignpostStatus.AWAITING_MASH_CONFIRMATION);
        assertThat(kindsRecordedFor(reference)).contains(MASH_REFERRAL_REQUESTED);

        complete(task(signpost), withVariables(SignpostingProcess.MASH_REFERENCE, "MASH-2026-01234"));

        assertThat(signpost).isWaitingAt(EVENT_MASH_DECISION_RECEIVED);
        assertThat(mvc.perform(get("/enquiries/" + reference + "/signposts").with(user(person("school-a"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Waiting for the MASH decision").contains("MASH-2026-01234").contains("Monday 11 January 2027 at 2pm");
        mvc.perform(get("/enquiries/" + reference + "/signposts").with(user(person("school-b"))))
                .andExpect(status().isNotFound());
        Signpost awaiting = signpostFor(reference, "MASH");
        assertThat(awaiting.status()).isEqualTo(SignpostStatus.AWAITING_DECISION);
        assertThat(awaiting.acknowledgement()).isEqualTo("MASH-2026-01234");
        assertThat(decisionTimer(signpost).getDuedate().toInstant()).as("one working day, over the weekend")
                .isEqualTo(LocalDateTime.parse("2027-01-11T14:00").atZone(LONDON).toInstant());

        signposts.receiveDecision("MASH", reference, MashDecision.EARLY_HELP, "MASH-D-77");

        assertThat(signpost).hasPassed("Event_MashDecisionArrived", "Event_MashDecisionRecorded").isEnded();
        Signpost decided = signpostFor(reference, "MASH");
        assertThat(decided.status()).isEqualTo(SignpostStatus.DECIDED);
        assertThat(decided.decision()).isEqualTo(MashDecision.EARLY_HELP);
        assertThat(decided.decisionOverdue()).isFalse();
        assertThat(kindsRecordedFor(reference)).containsSubsequence(MASH_REFERRAL_CONFIRMED, MASH_DECISION_RECEIVED);
        assertThat(caseRecord.eventsAbout(reference)).filteredOn(event -> event.kind() == MASH_DECISION_RECEIVED)
                .singleElement().satisfies(event -> assertThat(event.detail("inTime")).isEqualTo("true"));
        assertThat(mvc.perform(get("/enquiries/" + reference + "/signposts").with(user(person("school-a"))))
                .andReturn().getResponse().getContentAsString())
                .contains("MASH decision made").contains("Early help");
    }

    @Test
    void aLateMashDecisionIsFlaggedAndChasedAndStillAccepted() {
        String reference = logEnquiry();
        ProcessInstance signpost = start(reference, "MASH", null);
        complete(task(signpost), withVariables(SignpostingProcess.MASH_REFERENCE, "MASH-2026-04321"));

        managementService().executeJob(decisionTimer(signpost).getId());

        assertThat(signpost).isWaitingAt(TASK_CHASE_MASH_DECISION, EVENT_MASH_DECISION_RECEIVED);
        assertThat(task(TASK_CHASE_MASH_DECISION, signpost)).hasCandidateGroup("duty-managers");
        assertThat(signpostFor(reference, "MASH").decisionOverdue()).isTrue();
        assertThat(enquiries.read(reference, person("duty-manager"), "Test").overdueReason())
                .isEqualTo("Decision from MASH (multi-agency safeguarding hub) overdue");

        signposts.receiveDecision("MASH", reference, MashDecision.SOCIAL_CARE_ASSESSMENT, "MASH-D-78");
        assertThat(enquiries.read(reference, person("duty-manager"), "Test").overdueReason()).isNull();

        assertThat(signpost).isEnded();
        assertThat(taskQuery().processInstanceId(signpost.getId()).count()).as("the chase is no longer needed").isZero();
        assertThat(signpostFor(reference, "MASH").decision()).isEqualTo(MashDecision.SOCIAL_CARE_ASSESSMENT);
        assertThat(kindsRecordedFor(reference)).containsSubsequence(MASH_DECISION_OVERDUE, MASH_DECISION_RECEIVED);
        assertThat(caseRecord.eventsAbout(reference)).filteredOn(event -> event.kind() == MASH_DECISION_RECEIVED)
                .singleElement().satisfies(event -> assertThat(event.detail("inTime")).isEqualTo("false"));
    }

    @Test
    void aChaseIsRecordedWhileTheDecisionIsStillAwaited() {
        String reference = logEnquiry();
        ProcessInstance signpost = start(reference, "MASH", null);
        complete(task(signpost), withVariables(SignpostingProcess.MASH_REFERENCE, "MASH-2026-05555"));
        managementService().executeJob(decisionTimer(signpost).getId());

        complete(task(TASK_CHASE_MASH_DECISION, signpost), withVariables(SignpostingProcess.CHASE_NOTE,
                "Phoned the MASH consultant line; decision promised by 3pm."));

        assertThat(signpost).hasPassed("Event_MashChased").isWaitingAt(EVENT_MASH_DECISION_RECEIVED);
        assertThat(signpostFor(reference, "MASH").chaseNote()).isEqualTo("Phoned the MASH consultant line; decision promised by 3pm.");
        assertThat(kindsRecordedFor(reference)).contains(MASH_DECISION_CHASED);
    }

    @Test
    void aDecisionNobodyIsWaitingForIsRefused() {
        String reference = logEnquiry();
        start(reference, "SEND_PORTAL", null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                signposts.receiveDecision("SEND_PORTAL", reference, MashDecision.NO_FURTHER_ACTION, "X-1"))
                .isInstanceOf(org.tessa.shared.ConflictException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                signposts.receiveDecision("MASH", reference, MashDecision.NO_FURTHER_ACTION, "X-1"))
                .isInstanceOf(org.tessa.shared.RecordNotFoundException.class);
    }

    private String logEnquiry() {
        return enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty()).reference();
    }

    private ProcessInstance start(String reference, String portal, String sharingBasis) {
        signposts.plan(reference, List.of(portal), sharingBasis);
        return runtimeService().startProcessInstanceByKey(SignpostingProcess.PROCESS_KEY, reference,
                Map.of(SignpostingProcess.PORTAL, portal, "enquiryReference", reference));
    }

    private Signpost signpostFor(String reference, String portal) {
        return signposts.signpostsFor(reference).stream()
                .filter(signpost -> signpost.portal().code().equals(portal)).findFirst().orElseThrow();
    }

    private static Job decisionTimer(ProcessInstance signpost) {
        return managementService().createJobQuery().processInstanceId(signpost.getId()).timers().singleResult();
    }
}
