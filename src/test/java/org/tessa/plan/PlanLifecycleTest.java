package org.tessa.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.tessa.caserecord.CaseEventKind.ACTION_CANCELLED;
import static org.tessa.caserecord.CaseEventKind.ACTION_QUEUED;
import static org.tessa.caserecord.CaseEventKind.PLAN_CONFIRMED;
import static org.tessa.caserecord.CaseEventKind.PLAN_DRAFTED;
import static org.tessa.caserecord.CaseEventKind.PLAN_ENDED;
import static org.tessa.caserecord.CaseEventKind.PLAN_REVIEWED;
import static org.tessa.caserecord.CaseEventKind.PLAN_SUPERSEDED;
import static org.tessa.panel.PanelFixtures.london;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.EnquiryOutcome;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.EnquiryStatus;
import org.tessa.panel.PanelFixtures;
import org.tessa.panel.PanelProcess;
import org.tessa.panel.PanelService;
import org.tessa.partner.PartnerActionProcess;
import org.tessa.people.PartnerDirectory;
import org.tessa.tasklist.TaskList;

/**
 * A plan's life when the case goes back to the panel: the panel decides a second and a third time, every
 * plan stays readable with its actions and reviews, and the actions a plan leaves open are cancelled,
 * their organisations stopped and told.
 */
class PlanLifecycleTest extends TessaIntegrationTest {

    @Autowired
    PanelFixtures fixtures;

    @Autowired
    PanelService panel;

    @Autowired
    PlanService plans;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    PartnerDirectory partners;

    @Autowired
    TaskList taskList;

    @Test
    void thePanelDecidesTwiceMoreAndEveryPlanIsKept() {
        ProcessInstance panelCase = fixtures.multiAgency("2051-02-03T09:00", "2051-02-10T10:00");
        String reference = panelCase.getBusinessKey();
        confirmPlan(reference, "Six-week parenting course for mum", "Parr Family Hub parenting service",
                LocalDate.of(2051, 3, 28), LocalDate.of(2051, 4, 1));
        assertThat(partnerActionsRunning(reference)).isEqualTo(1);

        backToPanel(panelCase, "2051-04-02T09:00", "2051-04-14T10:00");
        assertThat(status(reference)).isEqualTo(EnquiryStatus.AWAITING_PANEL);
        assertThat(plans.find(reference).orElseThrow().status()).isEqualTo(PlanStatus.RETURNED_TO_PANEL);
        assertThat(partnerActionsRunning(reference)).as("support goes on while the panel reconsiders").isEqualTo(1);

        decide(panelCase, Map.of("panelDecision", "MULTI_AGENCY", "leadProfessional", "lead-professional",
                "rationale", "New worries at home: a new plan with the youth project.", "attendees", "Chair, FH, youth"));

        List<Plan> afterSecondDecision = plans.history(reference);
        assertThat(afterSecondDecision).extracting(Plan::status).containsExactly(PlanStatus.DRAFT, PlanStatus.SUPERSEDED);
        Plan first = afterSecondDecision.get(1);
        assertThat(first.endReason()).isEqualTo("The Ways Forward Panel agreed a new plan");
        assertThat(first.reviews()).extracting(Plan.Review::outcome).containsExactly(PlanReviewOutcome.BACK_TO_PANEL);
        assertThat(first.actions()).singleElement().satisfies(action -> {
            assertThat(action.status()).isEqualTo(ActionStatus.CANCELLED);
            assertThat(action.cancelledReason()).isEqualTo("The Ways Forward Panel agreed a new plan");
        });
        assertThat(partnerActionsRunning(reference)).as("the superseded plan's action has left the queue").isZero();
        awaitEmail("parenting@parrfamilyhub.example.org", "[" + reference + "] A plan action is cancelled");
        assertThat(status(reference)).isEqualTo(EnquiryStatus.PLAN_IN_PROGRESS);

        confirmPlan(reference, "Weekly youth club place", "Parr Youth Project", LocalDate.of(2051, 5, 20),
                LocalDate.of(2051, 6, 2));
        assertThat(partnerActionsRunning(reference)).isEqualTo(1);

        backToPanel(panelCase, "2051-06-03T09:00", "2051-06-16T10:00");
        decide(panelCase, Map.of("panelDecision", "NO_FURTHER_ACTION",
                "rationale", "The family has moved out of the borough.", "attendees", "Chair, FH"));

        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService().createProcessInstanceQuery()
                .processInstanceId(panelCase.getId()).count() == 0);
        List<Plan> kept = plans.history(reference);
        assertThat(kept).extracting(Plan::status).containsExactly(PlanStatus.ENDED, PlanStatus.SUPERSEDED);
        assertThat(kept.get(0).endReason()).isEqualTo("The Ways Forward Panel decided no further action");
        assertThat(kept.get(0).actions()).extracting(Plan.Action::status).containsExactly(ActionStatus.CANCELLED);
        assertThat(kept.get(1).actions()).extracting(Plan.Action::description).containsExactly("Six-week parenting course for mum");
        assertThat(partnerActionsRunning(reference)).isZero();
        awaitEmail("team@parryouth.example.org", "[" + reference + "] A plan action is cancelled");
        var closed = enquiries.read(reference, person("school-a"), "Test");
        assertThat(closed.status()).isEqualTo(EnquiryStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(EnquiryOutcome.NO_FURTHER_ACTION);

        assertThat(kindsRecordedFor(reference)).containsSubsequence(PLAN_DRAFTED, PLAN_CONFIRMED, ACTION_QUEUED,
                PLAN_REVIEWED, ACTION_CANCELLED, PLAN_SUPERSEDED, PLAN_DRAFTED, PLAN_CONFIRMED, ACTION_QUEUED,
                PLAN_REVIEWED, ACTION_CANCELLED, PLAN_ENDED);
    }

    private void confirmPlan(String reference, String action, String organisation, LocalDate due, LocalDate review) {
        var panelMember = person("panel-member");
        plans.addAction(reference, panelMember, action, null, partners.all().stream()
                .filter(o -> o.name().equals(organisation)).findFirst().orElseThrow().id(), due);
        plans.updateDetails(reference, panelMember, "Ellie is safe and in school every day.",
                "Dear Ellie, this is what we agreed to help at home and at school.",
                "If things get worse, the panel meets again.", review);
        plans.confirm(reference, panelMember);
        await().atMost(Duration.ofSeconds(30)).until(() -> partnerActionsRunning(reference) > 0);
    }

    /** The review falls due and the lead professional sends the case back to the panel's next meeting. */
    private void backToPanel(ProcessInstance panelCase, String now, String nextMeeting) {
        var review = await().atMost(Duration.ofSeconds(30)).until(() -> managementService().createJobQuery()
                .processInstanceId(panelCase.getId()).timers().activityId(PlanProcess.TIMER_PLAN_REVIEW_DUE)
                .singleResult(), Objects::nonNull);
        managementService().executeJob(review.getId());
        long meeting = panel.schedule(london(nextMeeting), "Town Hall", null, "Chris Hale", "Chair", "admin");
        clock.pin(london(now));
        taskList.complete(task(panelCase).getId(), person("lead-professional"), Map.of(
                "progress", "Things have changed at home.", "reviewOutcome", "BACK_TO_PANEL"));
        await().atMost(Duration.ofSeconds(30)).until(() -> panel.agenda(meeting).stream()
                .anyMatch(item -> item.enquiryReference().equals(panelCase.getBusinessKey())));
    }

    private void decide(ProcessInstance panelCase, Map<String, Object> decision) {
        var meetingStarts = await().atMost(Duration.ofSeconds(30)).until(() -> managementService().createJobQuery()
                .processInstanceId(panelCase.getId()).timers().activityId(PanelProcess.TIMER_MEETING_STARTS)
                .singleResult(), Objects::nonNull);
        managementService().executeJob(meetingStarts.getId());
        String decisionTask = task(panelCase).getId();
        taskList.claim(decisionTask, person("panel-member"));
        taskList.complete(decisionTask, person("panel-member"), decision);
    }

    private long partnerActionsRunning(String reference) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(PartnerActionProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).count();
    }

    private EnquiryStatus status(String reference) {
        return enquiries.read(reference, person("school-a"), "Test").status();
    }

    private static void awaitEmail(String to, String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages()).anyMatch(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals(to) && subject.equals(message.getSubject());
            } catch (jakarta.mail.MessagingException unreadable) {
                return false;
            }
        }));
    }
}
