package org.tessa.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tessa.panel.PanelFixtures.london;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tessa.TessaIntegrationTest;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;
import org.tessa.panel.PanelFixtures;
import org.tessa.panel.PanelProcess;
import org.tessa.panel.PanelQuestions;
import org.tessa.panel.PanelService;
import org.tessa.partner.PartnerActionProcess;
import org.tessa.people.PartnerDirectory;
import org.tessa.people.PartnerOrganisation;
import org.tessa.plan.PlanProcess;
import org.tessa.plan.PlanService;
import org.tessa.signposting.SignpostService;
import org.tessa.signposting.SignpostingProcess;
import org.tessa.tasklist.TaskList;
import org.tessa.tasklist.WorkItem;

/**
 * Every kind of step a person or team owns is made overdue, and each appears on the drift list with its owner,
 * team and lateness; the managers of its team are emailed once; and a finished step leaves the list.
 */
class DriftTest extends TessaIntegrationTest {

    @Autowired
    Drift drift;

    @Autowired
    Escalations escalations;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    SignpostService signposts;

    @Autowired
    PanelService panel;

    @Autowired
    PanelQuestions questions;

    @Autowired
    PanelFixtures fixtures;

    @Autowired
    PlanService plans;

    @Autowired
    PartnerDirectory partners;

    @Autowired
    TaskList taskList;

    @Test
    void everyKindOfStepThatSlipsIsOnTheDriftListAndItsManagersAreToldOnce() throws Exception {
        String parenting = organisation("Parr Family Hub parenting service").queue();
        if (staff.managerEmails(parenting).stream().noneMatch("parenting.lead@parrfamilyhub.example.org"::equals)) {
            staff.addManager("parenting-lead", "demo", "Lou Grant (parenting service lead)",
                    "parenting.lead@parrfamilyhub.example.org", parenting);
        }
        // A plan with a declined action (reassign), an overdue action (chase) and a review due.
        String planned = confirmedPlan("2061-02-07T09:00", "2061-02-14T10:00");
        ProcessInstance parentingAction = actionProcess(planned, parenting);
        executeTimer(parentingAction, PartnerActionProcess.TIMER_ACTION_OVERDUE);
        WorkItem nursing = await().atMost(Duration.ofSeconds(30)).until(() -> taskFor("school-nurse", planned), Objects::nonNull);
        taskList.claim(nursing.id(), person("school-nurse"));
        taskList.complete(nursing.id(), person("school-nurse"), Map.of("partnerUpdate", "DECLINED",
                "note", "No nurse is free this term."));
        ProcessInstance panelCase = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PanelProcess.PROCESS_KEY).processInstanceBusinessKey(planned).singleResult();
        executeTimer(panelCase, PlanProcess.TIMER_PLAN_REVIEW_DUE);

        clock.pin(london("2061-03-01T09:00"));
        // Triage, and a MASH referral to confirm.
        String triage = log();
        String mashToConfirm = log();
        startMashSignpost(mashToConfirm);
        // A MASH decision owed, with its chase.
        String mashDecision = log();
        ProcessInstance decisionSignpost = startMashSignpost(mashDecision);
        String confirm = processEngine.getTaskService().createTaskQuery().processInstanceId(decisionSignpost.getId())
                .singleResult().getId();
        taskList.claim(confirm, person("duty-manager"));
        taskList.complete(confirm, person("duty-manager"), Map.of(SignpostingProcess.MASH_REFERENCE, "MASH-2061-1"));
        executeTimer(decisionSignpost, SignpostingProcess.TIMER_MASH_DECISION_OVERDUE);
        // A decision due at a meeting, and a question to the school.
        String atPanel = log();
        panel.schedule(london("2061-03-08T10:00"), "Town Hall", null, "Chris Hale", "Chair", "admin");
        ProcessInstance meetingCase = processEngine.getRuntimeService().startProcessInstanceByKey(PanelProcess.PROCESS_KEY,
                atPanel, Map.of("enquiryReference", atPanel));
        executeTimer(meetingCase, PanelProcess.TIMER_MEETING_STARTS);
        questions.ask(atPanel, "Has attendance changed since the enquiry?", person("panel-member"));

        clock.pin(london("2061-06-01T09:00"));
        List<Drift.Entry> overdue = drift.shownTo(person("manager"));
        Set<String> mine = Set.of(planned, triage, mashToConfirm, mashDecision, atPanel);
        Map<String, Set<String>> whatByEnquiry = overdue.stream().filter(e -> mine.contains(e.enquiryReference()))
                .collect(Collectors.groupingBy(Drift.Entry::enquiryReference,
                        Collectors.mapping(Drift.Entry::what, Collectors.toSet())));

        assertThat(whatByEnquiry.get(triage)).containsExactly("Triage enquiry");
        // Each enquiry's own triage is still open too: these tests start the later processes directly.
        assertThat(whatByEnquiry.get(mashToConfirm)).containsExactlyInAnyOrder("Triage enquiry", "Confirm MASH referral made");
        assertThat(whatByEnquiry.get(mashDecision)).containsExactlyInAnyOrder("Triage enquiry", "Chase MASH decision",
                "MASH (multi-agency safeguarding hub) decision");
        assertThat(whatByEnquiry.get(atPanel)).containsExactlyInAnyOrder("Triage enquiry", "Decide at panel",
                "School's answer to the panel's question");
        assertThat(whatByEnquiry.get(planned)).containsExactlyInAnyOrder("Triage enquiry", "Carry out plan action",
                "Reassign declined action", "Chase overdue action", "Review plan");
        assertThat(overdue).extracting(Drift.Entry::due).isSorted();
        assertThat(overdue).allSatisfy(entry -> assertThat(entry.workingDaysLate()).isPositive());

        Drift.Entry triageEntry = only(overdue, triage, "Triage enquiry");
        assertThat(triageEntry.owner()).as("unclaimed").isNull();
        assertThat(triageEntry.team()).isEqualTo("Duty managers");
        assertThat(triageEntry.childName()).isEqualTo("Ellie Rowe");
        assertThat(triageEntry.taskId()).isNotNull();
        Drift.Entry question = only(overdue, atPanel, "School's answer to the panel's question");
        assertThat(question.team()).isEqualTo("Parr Meadow Primary School");
        assertThat(question.taskId()).as("a school's answer is not a task a manager can move").isNull();
        Drift.Entry reassign = only(overdue, planned, "Reassign declined action");
        assertThat(reassign.owner()).startsWith("Sam Okafor");
        assertThat(reassign.team()).as("held by the plan's lead professional, outside any queue").isNull();

        // Nothing overdue is missing: every open task past its due date, whoever's, is on the list.
        Set<String> listed = overdue.stream().map(Drift.Entry::taskId).filter(Objects::nonNull).collect(Collectors.toSet());
        assertThat(processEngine.getTaskService().createTaskQuery().dueBefore(java.util.Date.from(clock.instant())).list())
                .allSatisfy(task -> assertThat(listed).as(task.getName() + " for " + task.getProcessInstanceId())
                        .contains(task.getId()));

        // Escalation: each item once, to its team's managers and the whole service's.
        escalations.escalateOverdue();
        await().atMost(Duration.ofSeconds(30)).until(() -> lettersTo("head.of.service@council.example.org", triage) == 1);
        assertThat(lettersTo("parenting.lead@parrfamilyhub.example.org", planned)).as("the parenting action only")
                .isEqualTo(1);
        assertThat(lettersTo("parenting.lead@parrfamilyhub.example.org", triage)).isZero();
        MimeMessage letter = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> recipient(m).equals("head.of.service@council.example.org") && subject(m).contains(triage))
                .findFirst().orElseThrow();
        assertThat(subject(letter)).isEqualTo("[" + triage + "] Overdue: Triage enquiry");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(letter)).contains("Duty managers")
                .doesNotContain("Ellie").doesNotContain("Rowe");
        assertThat(kindsRecordedFor(triage)).contains(CaseEventKind.WORK_ESCALATED);

        escalations.escalateOverdue();
        Thread.sleep(1000);
        assertThat(lettersTo("head.of.service@council.example.org", triage)).as("escalated once").isEqualTo(1);

        // A finished step leaves the list.
        String triageTask = triageEntry.taskId();
        taskList.claim(triageTask, person("duty-manager"));
        taskList.complete(triageTask, person("duty-manager"), Map.of("triageOutcome", "ADVICE_GIVEN",
                "advice", "Keep talking with Ellie's family.", "levelOfNeed", "UNIVERSAL"));
        assertThat(drift.shownTo(person("manager"))).extracting(Drift.Entry::enquiryReference).doesNotContain(triage);
    }

    private String log() {
        return enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, java.util.Optional.empty())
                .reference();
    }

    private ProcessInstance startMashSignpost(String reference) {
        signposts.plan(reference, List.of("MASH"), null);
        return processEngine.getRuntimeService().startProcessInstanceByKey(SignpostingProcess.PROCESS_KEY, reference,
                Map.of(SignpostingProcess.PORTAL, "MASH", "enquiryReference", reference));
    }

    private String confirmedPlan(String now, String meetingAt) {
        String reference = fixtures.multiAgency(now, meetingAt).getBusinessKey();
        var panelMember = person("panel-member");
        LocalDate today = LocalDate.parse(now.substring(0, 10));
        plans.addAction(reference, panelMember, "Six-week parenting course for mum", null,
                organisation("Parr Family Hub parenting service").id(), today.plusDays(10));
        plans.addAction(reference, panelMember, "Health check with the school nurse", null,
                organisation("School nursing team").id(), today.plusDays(20));
        plans.updateDetails(reference, panelMember, "Ellie is in school every day.",
                "Dear Ellie, your mum will join a course and the school nurse will see you.",
                "If nothing changes, the panel meets again.", today.plusDays(14));
        plans.confirm(reference, panelMember);
        if (staff.withRole(org.tessa.people.Role.PARTNER).stream().noneMatch(p -> p.getUsername().equals("school-nurse"))) {
            staff.addPartnerAccount("school-nurse", "demo", "school-nurse", organisation("School nursing team").id());
        }
        return reference;
    }

    private ProcessInstance actionProcess(String reference, String queue) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> processEngine.getRuntimeService()
                .createProcessInstanceQuery().processDefinitionKey(PartnerActionProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).variableValueEquals(PartnerActionProcess.PARTNER_QUEUE, queue)
                .singleResult(), Objects::nonNull);
    }

    private void executeTimer(ProcessInstance instance, String activityId) {
        Job timer = await().atMost(Duration.ofSeconds(30)).until(() -> processEngine.getManagementService()
                .createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult(),
                Objects::nonNull);
        processEngine.getManagementService().executeJob(timer.getId());
    }

    private WorkItem taskFor(String username, String reference) {
        List<WorkItem> work = taskList.workOn(person(username), reference);
        return work.isEmpty() ? null : work.get(0);
    }

    private PartnerOrganisation organisation(String name) {
        return partners.all().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static Drift.Entry only(List<Drift.Entry> entries, String reference, String what) {
        return entries.stream().filter(e -> reference.equals(e.enquiryReference()) && what.equals(e.what()))
                .reduce((a, b) -> {
                    throw new AssertionError("Twice on the drift list: " + what + " for " + reference);
                }).orElseThrow();
    }

    private static long lettersTo(String recipient, String reference) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> recipient(m).equals(recipient) && subject(m).startsWith("[" + reference + "] Overdue:"))
                .count();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            return "";
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException unreadable) {
            return "";
        }
    }
}
