package org.tessa.panel;

import static org.tessa.caserecord.CaseEventKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.tessa.panel.PanelProcess.EVENT_MEETING_SCHEDULED;
import static org.tessa.plan.PlanProcess.EVENT_PLAN_AGREED;
import static org.tessa.panel.PanelProcess.TASK_DECIDE_AT_PANEL;
import static org.tessa.panel.PanelProcess.TIMER_MEETING_STARTS;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryOutcome;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.EnquiryStatus;
import org.tessa.tasklist.TaskList;

/**
 * Every path of bpmn/ways-forward-panel.bpmn. Each test of the suite that schedules meetings works in a year
 * of its own (2031 to 2050), so that another test's meeting never comes first; "no meeting" is tested in 2099.
 */
class WaysForwardPanelProcessTest extends TessaIntegrationTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    PanelService panel;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    TaskList taskList;

    @Autowired
    PanelQuestions questions;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void aCaseJoinsTheNextMeetingAndNoFurtherActionClosesIt() {
        now("2031-03-03T09:00");
        long meeting = meeting("2031-03-10T10:00");
        String reference = logEnquiry();

        ProcessInstance panelCase = refer(reference);

        Job timer = awaitTimer(panelCase);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(london("2031-03-10T10:00"));
        assertThat(panel.agenda(meeting)).extracting(PanelService.AgendaItem::enquiryReference).containsExactly(reference);

        managementService().executeJob(timer.getId());
        assertThat(panelCase).isWaitingAt(TASK_DECIDE_AT_PANEL);
        assertThat(task(panelCase)).hasCandidateGroup("panel-members");
        decide(panelCase, Map.of("panelDecision", "NO_FURTHER_ACTION",
                "rationale", "School support is working; attendance is back to 96%.", "attendees", "Chair, SEND lead, FH"));

        awaitEnded(panelCase);
        assertThat(panelCase).hasPassed(PanelProcess.TASK_SEND_PANEL_DECISION, PanelProcess.EVENT_NO_FURTHER_ACTION);
        var closed = enquiries.read(reference, person("school-a"), "Test");
        assertThat(closed.status()).isEqualTo(EnquiryStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(EnquiryOutcome.NO_FURTHER_ACTION);
        assertThat(kindsRecordedFor(reference)).containsSubsequence(PLACED_ON_AGENDA, PANEL_DECIDED);
        assertThat(closed.responses()).last().satisfies(response -> assertThat(response.body())
                .contains("Decision: No further action (NFA).").doesNotContain("attendance is back to 96%"));
    }

    @Test
    void theCutOffSkipsAMeetingTooSoonCountingWorkingDaysOverEaster() {
        // Easter 2032: Good Friday 26 March, Easter Monday 29 March. Two working days before Tuesday 30 March
        // 10:00 is Wednesday 24 March 10:00, so on Thursday 25 March the case is too late for it.
        now("2032-03-25T09:00");
        long tooSoon = meeting("2032-03-30T10:00");
        long next = meeting("2032-04-06T10:00");
        String reference = logEnquiry();

        assertThat(panel.placeOnAgenda(reference)).contains(london("2032-04-06T10:00"));
        assertThat(panel.agenda(tooSoon)).isEmpty();
        assertThat(panel.agenda(next)).extracting(PanelService.AgendaItem::enquiryReference).containsExactly(reference);
    }

    @Test
    void aDeferredCaseGoesToTheMeetingAfter() {
        now("2033-05-02T09:00");
        long first = meeting("2033-05-10T10:00");
        long second = meeting("2033-05-17T10:00");
        String reference = logEnquiry();
        ProcessInstance panelCase = refer(reference);
        managementService().executeJob(awaitTimer(panelCase).getId());

        decide(panelCase, Map.of("panelDecision", "DEFER", "deferralReason", "The school nurse's report is not in yet.",
                "rationale", "Needs the health view before deciding.", "attendees", "Chair, SEND lead"));

        Job nextTimer = await().atMost(Duration.ofSeconds(30)).until(() -> timerOf(panelCase),
                job -> job != null && job.getDuedate().toInstant().equals(london("2033-05-17T10:00")));
        assertThat(nextTimer).isNotNull();
        assertThat(panel.agenda(first)).isEmpty();
        assertThat(panel.agenda(second)).singleElement().satisfies(item -> {
            assertThat(item.deferrals()).isEqualTo(1);
            assertThat(item.lastDeferralReason()).isEqualTo("The school nurse's report is not in yet.");
        });
        assertThat(kindsRecordedFor(reference)).containsSubsequence(PLACED_ON_AGENDA, PANEL_DEFERRED, PLACED_ON_AGENDA);
    }

    @Test
    void withNoMeetingTheCaseWaitsVisiblyAndTheChairIsTold() throws Exception {
        now("2099-01-02T09:00");
        String reference = logEnquiry();

        ProcessInstance panelCase = refer(reference);

        await().atMost(Duration.ofSeconds(30)).until(() -> panel.awaitingDate().stream()
                .anyMatch(item -> item.enquiryReference().equals(reference)));
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService().createEventSubscriptionQuery()
                .processInstanceId(panelCase.getId()).activityId(EVENT_MEETING_SCHEDULED).count() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(MAIL.getReceivedMessages())
                .anyMatch(message -> subject(message).equals("[" + reference + "] A case is waiting for a panel date")));

        meeting("2099-01-20T10:00");

        Job timer = awaitTimer(panelCase);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(london("2099-01-20T10:00"));
        assertThat(panel.awaitingDate()).noneMatch(item -> item.enquiryReference().equals(reference));
        assertThat(kindsRecordedFor(reference)).containsSubsequence(AWAITING_PANEL_DATE, PLACED_ON_AGENDA);
    }

    @Test
    void supportMeansAPlanAndTheLeadProfessionalMustBeNamed() {
        now("2034-06-05T09:00");
        meeting("2034-06-12T10:00");
        String reference = logEnquiry();
        ProcessInstance panelCase = refer(reference);
        managementService().executeJob(awaitTimer(panelCase).getId());
        String taskId = task(panelCase).getId();
        taskList.claim(taskId, person("panel-member"));

        Map<String, Object> multiAgency = new HashMap<>(Map.of("panelDecision", "MULTI_AGENCY",
                "rationale", "Needs from school, health and family support together.", "attendees", "Chair, CSC, FH"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskList.complete(taskId, person("panel-member"), multiAgency))
                .isInstanceOf(org.tessa.shared.InvalidSubmissionException.class)
                .hasMessageContaining("Select the lead professional for the multi-agency plan");
        multiAgency.put("leadProfessional", "someone-who-is-not-a-lead-professional");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskList.complete(taskId, person("panel-member"), multiAgency))
                .isInstanceOf(org.tessa.shared.InvalidSubmissionException.class);

        multiAgency.put("leadProfessional", "lead-professional");
        taskList.complete(taskId, person("panel-member"), multiAgency);

        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService().createEventSubscriptionQuery()
                .processInstanceId(panelCase.getId()).activityId(EVENT_PLAN_AGREED).count() == 1);
        var enquiry = enquiries.read(reference, person("school-a"), "Test");
        assertThat(enquiry.status()).isEqualTo(EnquiryStatus.PLAN_IN_PROGRESS);
        assertThat(enquiry.responses()).last().satisfies(response -> assertThat(response.body())
                .contains("led by Sam Okafor (early help practitioner, Parr Family Hub) as the lead professional"));
        assertThat(panel.decisionsFor(reference)).singleElement()
                .satisfies(decision -> assertThat(decision.decidedBy()).isEqualTo("panel-member"));
    }

    @Test
    void thePanelAsksTheSchoolAndTheAnswerJoinsTheCasePapers() throws Exception {
        now("2038-03-01T09:00");
        long meeting = meeting("2038-03-09T10:00");
        String reference = logEnquiry();
        ProcessInstance panelCase = refer(reference);
        awaitTimer(panelCase);

        questions.ask(reference, "Has the family agreed to an early help assessment?", person("panel-member"));

        assertThat(panelCase).hasPassed("StartEvent_InformationRequested")
                .isWaitingAt(PanelProcess.EVENT_SCHOOL_ANSWERED, PanelProcess.GATEWAY_WAIT_FOR_MEETING);
        assertThat(mvc.perform(get("/enquiries/" + reference).with(user(person("school-a"))))
                .andReturn().getResponse().getContentAsString()).contains("has asked you a question");
        mvc.perform(get("/enquiries/" + reference + "/questions").with(user(person("school-b"))))
                .andExpect(status().isNotFound());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> questions.ask(reference, "Another?", person("panel-member")))
                .isInstanceOf(org.tessa.shared.ConflictException.class);

        mvc.perform(post("/enquiries/" + reference + "/questions/answer").param("answer", "Yes: mum agreed on Monday.")
                        .with(user(person("school-a"))).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(panelCase).hasPassed(PanelProcess.EVENT_SCHOOL_ANSWERED, "Event_AnswerInCasePapers")
                .isWaitingAt(PanelProcess.GATEWAY_WAIT_FOR_MEETING);
        String pack = mvc.perform(get("/panel/meetings/" + meeting + "/pack").with(user(person("panel-member"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(pack).contains("Confidential").contains(reference).contains("Has the family agreed")
                .contains("Yes: mum agreed on Monday.");
        mvc.perform(get("/panel/meetings/" + meeting + "/pack").with(user(person("school-a")))).andExpect(status().isForbidden());
        mvc.perform(get("/panel/meetings/" + meeting + "/pack").with(user(person("duty-manager")))).andExpect(status().isForbidden());
        assertThat(kindsRecordedFor(reference)).containsSubsequence(QUESTION_ASKED, QUESTION_ANSWERED);
    }

    @Test
    void closingTheCaseWithdrawsAnUnansweredQuestion() {
        now("2039-03-01T09:00");
        meeting("2039-03-09T10:00");
        String reference = logEnquiry();
        ProcessInstance panelCase = refer(reference);
        managementService().executeJob(awaitTimer(panelCase).getId());
        questions.ask(reference, "Is the child still attending?", person("panel-member"));

        decide(panelCase, Map.of("panelDecision", "NO_FURTHER_ACTION",
                "rationale", "The school's support is enough for now.", "attendees", "Chair, SEND lead"));

        awaitEnded(panelCase);
        assertThat(questions.questionsAbout(reference)).singleElement()
                .satisfies(question -> assertThat(question.withdrawn()).isTrue());
    }

    @Test
    void aMeetingBroughtForwardBringsItsCasesUpForDecisionAtOnce() throws Exception {
        now("2050-03-01T09:00");
        long meeting = meeting("2050-03-15T10:00");
        String reference = logEnquiry();
        ProcessInstance panelCase = refer(reference);
        awaitTimer(panelCase);
        now("2050-03-02T14:00");

        mvc.perform(post("/panel/meetings/" + meeting + "/start").with(user(person("panel-member"))).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(panel.meeting(meeting).orElseThrow().startsAt().toInstant()).isEqualTo(london("2050-03-02T14:00"));
        assertThat(panelCase).as("up for decision in the same request, not when the job executor next looks")
                .hasPassed("Event_MeetingStartedEarly").isWaitingAt(TASK_DECIDE_AT_PANEL);
        assertThat(timerOf(panelCase)).isNull();
        assertThat(task(panelCase).getDueDate().toInstant()).as("due by the end of the working day, not overdue at once")
                .isEqualTo(london("2050-03-02T17:00"));
        assertThat(taskList.workOn(person("panel-member"), reference)).singleElement()
                .extracting(org.tessa.tasklist.WorkItem::timeliness).isEqualTo(org.tessa.tasklist.Timeliness.AMBER);
        mvc.perform(post("/panel/meetings/" + meeting + "/start").with(user(person("panel-member"))).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/panel/meetings/" + meeting + "/start").with(user(person("school-a"))).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void panelMembersScheduleMeetingsAndSeeTheAgenda() throws Exception {
        assertThat(signedInGet("panel-member", "/panel").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(signedInGet("school-a", "/panel").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        String refused = mvc.perform(post("/panel/meetings").with(user(person("panel-member"))).with(csrf())
                        .param("day", "31").param("month", "2").param("year", "2042").param("time", "25:00")
                        .param("place", "Town Hall").param("members", "Chair, SEND"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem").contains("Enter the start time in 24-hour time")
                .contains("Enter the name of the chair");
        assertThat(refused.indexOf("Enter the start time")).isLessThan(refused.indexOf("Enter the name of the chair"));

        mvc.perform(post("/panel/meetings").with(user(person("panel-member"))).with(csrf())
                        .param("day", "3").param("month", "3").param("year", "2042").param("time", "9:30")
                        .param("place", "Town Hall").param("chair", "Chris Hale").param("members", "Chair, SEND"))
                .andExpect(status().is3xxRedirection());
        assertThat(panel.upcomingMeetings()).anyMatch(m -> m.startsAt().toInstant().equals(london("2042-03-03T09:30")));
    }

    private org.springframework.http.ResponseEntity<String> signedInGet(String username, String path) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.add(org.springframework.http.HttpHeaders.COOKIE, signIn(username));
        return http.exchange(path, org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers),
                String.class);
    }

    private void now(String londonTime) {
        clock.pin(london(londonTime));
    }

    private long meeting(String londonTime) {
        return panel.schedule(london(londonTime), "Town Hall, Room 3", null, "Chris Hale", "Chair, SEND, CSC, FH", "admin");
    }

    private String logEnquiry() {
        return enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty()).reference();
    }

    private ProcessInstance refer(String reference) {
        return runtimeService().startProcessInstanceByKey(PanelProcess.PROCESS_KEY, reference,
                Map.of("enquiryReference", reference));
    }

    private void decide(ProcessInstance panelCase, Map<String, Object> decision) {
        String taskId = task(panelCase).getId();
        taskService().claim(taskId, "panel-member");
        taskList.complete(taskId, person("panel-member"), decision);
    }

    private static Job awaitTimer(ProcessInstance panelCase) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> timerOf(panelCase), java.util.Objects::nonNull);
    }

    private static Job timerOf(ProcessInstance panelCase) {
        return managementService().createJobQuery().processInstanceId(panelCase.getId()).timers()
                .activityId(TIMER_MEETING_STARTS).singleResult();
    }

    private static void awaitEnded(ProcessInstance panelCase) {
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService().createProcessInstanceQuery()
                .processInstanceId(panelCase.getId()).count() == 0);
    }

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException unreadable) {
            return "";
        }
    }
}
