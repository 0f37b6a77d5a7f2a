package org.tessa.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tessa.plan.PlanProcess.TASK_REVIEW_PLAN;
import static org.tessa.panel.PanelFixtures.london;
import static org.tessa.plan.PlanProcess.TIMER_PLAN_REVIEW_DUE;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.TessaIntegrationTest;
import org.tessa.panel.PanelFixtures;
import org.tessa.panel.PanelService;
import org.tessa.enquiry.EnquiryOutcome;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.EnquiryStatus;
import org.tessa.people.Role;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.tasklist.TaskList;

/** The bespoke plan: no plan without owned, dated actions, a review date and a contingency; then its reviews. */
class PlanTest extends TessaIntegrationTest {

    @Autowired
    PanelService panel;

    @Autowired
    PlanService plans;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    TaskList taskList;

    @Autowired
    PanelFixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Test
    void aPlanCannotBeConfirmedWithoutOwnedDatedActionsAReviewDateAndAContingency() {
        String reference = fixtures.multiAgency("2035-02-05T09:00", "2035-02-12T10:00").getBusinessKey();

        assertThatThrownBy(() -> plans.confirm(reference, person("panel-member")))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, invalid -> assertThat(invalid.problems())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("description", "reviewDay", "contingency", "summaryForChild", "outcomesSought"));
        assertThatThrownBy(() -> plans.addAction(reference, person("panel-member"), "Parenting course", " ", null, null))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, invalid -> assertThat(invalid.problems())
                        .extracting(FieldProblem::field).containsExactly("organisation", "dueDate"));
        assertThat(plans.find(reference).orElseThrow().status()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void aConfirmedPlanIsReviewedByItsLeadProfessionalAndClosesWhenAchieved() throws Exception {
        ProcessInstance panelCase = fixtures.multiAgency("2036-02-04T09:00", "2036-02-11T10:00");
        String reference = panelCase.getBusinessKey();
        writeCompletePlan(reference, LocalDate.of(2036, 5, 1));

        plans.confirm(reference, person("panel-member"));

        Job review = awaitReviewTimer(panelCase);
        assertThat(review.getDuedate().toInstant()).isEqualTo(london("2036-05-01T09:00"));
        assertThat(enquiries.read(reference, person("school-a"), "Test").responses()).last()
                .satisfies(response -> assertThat(response.body()).contains("Dear Ellie, we met")
                        .contains("Six-week parenting course for mum (Parr Family Hub, by Tuesday 1 April 2036)"));
        assertThat(mvc.perform(get("/plans/" + reference + "/summary").with(user(person("school-a"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Dear Ellie, we met").doesNotContain("Needs from school, health and family");
        mvc.perform(get("/plans/" + reference).with(user(person("school-a")))).andExpect(status().isNotFound());

        managementService().executeJob(review.getId());
        assertThat(panelCase).isWaitingAt(TASK_REVIEW_PLAN);
        assertThat(task(panelCase)).isAssignedTo("lead-professional");
        assertThat(enquiries.read(reference, person("lead-professional"), "Test").reference()).isEqualTo(reference);
        assertThatThrownBy(() -> enquiries.read(reference, otherLeadProfessional(), "Test"))
                .isInstanceOf(org.tessa.shared.RecordNotFoundException.class);
        assertThat(mvc.perform(get("/panel/cases/" + reference).with(user(person("lead-professional"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Needs from school, health and family support together.");
        mvc.perform(get("/panel/cases/" + reference).with(user(otherLeadProfessional()))).andExpect(status().isNotFound());
        mvc.perform(get("/panel/cases/" + reference).with(user(person("school-a")))).andExpect(status().isNotFound());

        assertThatThrownBy(() -> taskList.complete(task(panelCase).getId(), person("lead-professional"), Map.of(
                "progress", "Course started; attendance improving.", "reviewOutcome", "CONTINUE",
                "nextReviewDate", "2036-02-30"))).isInstanceOf(InvalidSubmissionException.class);
        taskList.complete(task(panelCase).getId(), person("lead-professional"), Map.of(
                "progress", "Course started; attendance improving.", "reviewOutcome", "CONTINUE",
                "nextReviewDate", "2036-07-01"));

        Job next = awaitReviewTimer(panelCase);
        assertThat(next.getDuedate().toInstant()).isEqualTo(london("2036-07-01T09:00"));
        managementService().executeJob(next.getId());
        taskList.complete(task(panelCase).getId(), person("lead-professional"), Map.of(
                "progress", "Course finished; attendance 97%; Ellie says mornings are calmer.",
                "reviewOutcome", "CLOSE_ACHIEVED"));

        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService().createProcessInstanceQuery()
                .processInstanceId(panelCase.getId()).count() == 0);
        assertThat(panelCase).hasPassed(PlanProcess.EVENT_PLAN_CLOSED);
        var closed = enquiries.read(reference, person("school-a"), "Test");
        assertThat(closed.status()).isEqualTo(EnquiryStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(EnquiryOutcome.MULTI_AGENCY);
        assertThat(kindsRecordedFor(reference)).containsSubsequence(org.tessa.caserecord.CaseEventKind.PLAN_REVIEWED,
                org.tessa.caserecord.CaseEventKind.PLAN_REVIEWED, org.tessa.caserecord.CaseEventKind.PLAN_CLOSED);
    }

    @Test
    void aReviewCanReturnTheCaseToThePanel() {
        ProcessInstance panelCase = fixtures.multiAgency("2037-02-03T09:00", "2037-02-10T10:00");
        String reference = panelCase.getBusinessKey();
        writeCompletePlan(reference, LocalDate.of(2037, 4, 1));
        plans.confirm(reference, person("panel-member"));
        managementService().executeJob(awaitReviewTimer(panelCase).getId());
        long nextMeeting = panel.schedule(london("2037-04-13T10:00"), "Town Hall", null, "Chris Hale", "Chair", "admin");
        clock.pin(london("2037-04-02T09:00"));

        taskList.complete(task(panelCase).getId(), person("lead-professional"), Map.of(
                "progress", "The family has stopped engaging; school reports new concerns.",
                "reviewOutcome", "BACK_TO_PANEL"));

        await().atMost(Duration.ofSeconds(30)).until(() -> panel.agenda(nextMeeting).stream()
                .anyMatch(item -> item.enquiryReference().equals(reference)));
        assertThat(enquiries.read(reference, person("school-a"), "Test").status()).isEqualTo(EnquiryStatus.AWAITING_PANEL);
        assertThat(plans.find(reference).orElseThrow().status()).isEqualTo(PlanStatus.RETURNED_TO_PANEL);
    }

    @Test
    void panelMembersWriteAndConfirmThePlanOnItsOwnScreen() throws Exception {
        String reference = fixtures.multiAgency("2041-02-05T09:00", "2041-02-12T10:00").getBusinessKey();
        var panelMember = user(person("panel-member"));

        assertThat(mvc.perform(get("/plans/" + reference).with(panelMember)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Add an action").contains("Being written")
                .contains("Write as if to the child");
        assertThat(mvc.perform(post("/plans/" + reference + "/actions").with(panelMember).with(csrf())
                        .param("description", "Weekly mentoring").param("organisation", "").param("dueDay", "31")
                        .param("dueMonth", "2").param("dueYear", "2041"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Choose a partner organisation or name the agency responsible").contains("Enter a real due date");
        mvc.perform(post("/plans/" + reference + "/actions").with(panelMember).with(csrf())
                        .param("description", "Weekly mentoring with a learning mentor").param("organisation", "Windle Vale Academy")
                        .param("dueDay", "1").param("dueMonth", "3").param("dueYear", "2041"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(post("/plans/" + reference + "/confirm").with(panelMember).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("There is a problem").contains("Set a review date in the future")
                .contains("Say what happens if the plan does not work");
        mvc.perform(post("/plans/" + reference + "/details").with(panelMember).with(csrf())
                        .param("outcomesSought", "Ellie is in school every day.")
                        .param("summaryForChild", "Dear Ellie, we agreed you will meet your mentor every Friday.")
                        .param("contingency", "If nothing changes by the review, the panel meets again.")
                        .param("reviewDay", "2").param("reviewMonth", "4").param("reviewYear", "2041"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/plans/" + reference + "/confirm").with(panelMember).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(plans.find(reference).orElseThrow().status()).isEqualTo(PlanStatus.CONFIRMED);
        mvc.perform(post("/plans/" + reference + "/confirm").with(panelMember).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void confirmingKeepsWhatWasTypedAndListsWhatIsMissingInPageOrder() throws Exception {
        String reference = fixtures.multiAgency("2042-02-05T09:00", "2042-02-12T10:00").getBusinessKey();
        var panelMember = user(person("panel-member"));

        String refused = mvc.perform(post("/plans/" + reference + "/confirm").with(panelMember).with(csrf())
                        .param("outcomesSought", "").param("summaryForChild", "Dear Ellie, we agreed you will see your mentor.")
                        .param("contingency", "If nothing changes, the panel meets again.")
                        .param("reviewDay", "").param("reviewMonth", "").param("reviewYear", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        var page = org.jsoup.Jsoup.parse(refused);
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary__list a")).extracting(a -> a.attr("href")).containsExactly(
                "#description", "#outcomesSought", "#reviewDay");
        assertThat(page.getElementById("summaryForChild").text()).isEqualTo("Dear Ellie, we agreed you will see your mentor.");
        assertThat(page.getElementById("outcomesSought").hasClass("govuk-textarea--error")).isTrue();
        assertThat(page.getElementById("outcomesSought").attr("aria-describedby")).isEqualTo("outcomesSought-error");
        assertThat(page.getElementById("reviewDay").hasClass("govuk-input--error")).isTrue();
        assertThat(plans.find(reference).orElseThrow().summaryForChild()).as("what was typed is saved")
                .isEqualTo("Dear Ellie, we agreed you will see your mentor.");

        assertThat(mvc.perform(post("/plans/" + reference + "/details").with(panelMember).with(csrf())
                        .param("outcomesSought", "Ellie is in school every day.")
                        .param("reviewDay", "30").param("reviewMonth", "2").param("reviewYear", "2042"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Review date must be a real date, like 27 3 2027").contains("Ellie is in school every day.");
    }

    @Test
    void aSingleAgencyPlanNamesTheAgencyAndIsReviewedByThePanel() {
        ProcessInstance panelCase = fixtures.decided("2040-02-07T09:00", "2040-02-14T10:00", Map.of("panelDecision", "SINGLE_AGENCY",
                "singleAgency", "School nursing team", "rationale", "A health need the school nurse can meet.",
                "attendees", "Chair, school nurse"));
        String reference = panelCase.getBusinessKey();
        assertThat(enquiries.read(reference, person("school-a"), "Test").responses()).last()
                .satisfies(response -> assertThat(response.body()).contains("School nursing team will assess and support"));
        writeCompletePlan(reference, LocalDate.of(2040, 4, 2));
        plans.confirm(reference, person("panel-member"));

        managementService().executeJob(awaitReviewTimer(panelCase).getId());

        assertThat(task(panelCase)).hasCandidateGroup("panel-members").isNotAssigned();
        assertThat(plans.find(reference).orElseThrow().agency()).isEqualTo("School nursing team");
    }

    private void writeCompletePlan(String reference, LocalDate review) {
        plans.addAction(reference, person("panel-member"), "Six-week parenting course for mum", "Parr Family Hub", null,
                review.minusMonths(1));
        plans.updateDetails(reference, person("panel-member"), "Ellie is in school every day and feels less worried.",
                "Dear Ellie, we met to talk about how to make mornings easier. Your mum will join a course, and "
                        + "your teacher will check in with you every Monday.",
                "If attendance is still below 90% at the review, the panel meets again about Ellie.", review);
    }

    private Job awaitReviewTimer(ProcessInstance panelCase) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> managementService().createJobQuery()
                .processInstanceId(panelCase.getId()).timers().activityId(TIMER_PLAN_REVIEW_DUE).singleResult(),
                java.util.Objects::nonNull);
    }

    private org.tessa.people.StaffMember otherLeadProfessional() {
        try {
            return staff.loadUserByUsername("lead-professional-2");
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException absent) {
            staff.addAccount("lead-professional-2", "demo", "Another lead professional", Role.LEAD_PROFESSIONAL, null);
            return staff.loadUserByUsername("lead-professional-2");
        }
    }
}
