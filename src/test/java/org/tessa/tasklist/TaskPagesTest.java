package org.tessa.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Enquiries;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.NewEnquiry;

/** The duty manager's task list and triage screen, rendered from the Camunda Form. */
class TaskPagesTest extends TessaIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    TaskList taskList;

    @Test
    void theQueueShowsEachTaskWithTheChildTheSchoolTheConcernsAndItsTimeliness() throws Exception {
        String reference = logEnquiry();

        String page = mvc.perform(get("/tasks").param("view", "UNCLAIMED").param("sort", "NEWEST")
                        .with(user(person("duty-manager"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains(reference).contains("Triage enquiry").contains("Ellie Rowe")
                .contains("Parr Meadow Primary School").contains("Attendance").contains("On time").contains("Unclaimed");
        if (taskList.workFor(person("duty-manager"), TaskFilter.UNCLAIMED, TaskOrder.NEWEST, 1, 25).hasNext()) {
            assertThat(page).contains("Page 1").contains("rel=\"next\"");
        }
    }

    @Test
    void theTriageScreenShowsEarlierEnquiriesAboutTheChildAndASuggestedRoute() throws Exception {
        String first = logEnquiry();
        NewEnquiry again = Enquiries.attendanceWorry();
        NewEnquiry sameChildNoUpn = new NewEnquiry(null, new NewEnquiry.Child("ellie", "ROWE", again.child().dateOfBirth(),
                null, "Year 6"), again.concerns(), again.summary(), false, again.consent(), again.referrer(), null);
        String second = enquiries.log(sameChildNoUpn, person("school-a"), Channel.WEB, Optional.empty()).reference();
        String id = taskFor(second).id();

        String page = mvc.perform(get("/tasks/" + id).with(user(person("duty-manager"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Earlier enquiries about this child").contains(first)
                .contains("Re-referral: an earlier enquiry arrived within the last 12 months")
                .contains("Suggested route").contains("Signpost to Mental health portal").contains("Rule 6 of the council");
        assertThat(enquiries.knownChild(second, person("school-a")).earlier()).as("schools never see others' enquiries")
                .isEmpty();
    }

    @Test
    void schoolStaffCannotOpenTheQueue() throws Exception {
        mvc.perform(get("/tasks").with(user(person("school-a")))).andExpect(status().isForbidden());
    }

    @Test
    void aDutyManagerClaimsTriagesAndCompletes() throws Exception {
        String reference = logEnquiry();
        String id = taskFor(reference).id();

        String unclaimed = mvc.perform(get("/tasks/" + id).with(user(person("duty-manager"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unclaimed).contains("Ellie Rowe").contains("Claim this task").doesNotContain("Send the triage decision");

        mvc.perform(post("/tasks/" + id + "/claim").with(user(person("duty-manager"))).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + id));
        String form = mvc.perform(get("/tasks/" + id).with(user(person("duty-manager"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"triageOutcome\"").contains("value=\"REFER_TO_PANEL\"")
                .contains(">Send the triage decision</button>")
                .contains("name=\"advice\"").contains("name=\"signpostTo\"")
                .as("the signposts are revealed beneath their option, as the GOV.UK conditional reveal")
                .containsPattern("id=\"triageOutcome-2\"[^>]*data-aria-controls=\"conditional-triageOutcome-2\"")
                .containsPattern("(?s)id=\"conditional-triageOutcome-2\".*name=\"signpostTo\".*name=\"sharingWithoutConsent\".*name=\"levelOfNeed\"")
                .contains("govuk-radios__conditional govuk-radios__conditional--hidden")
                .doesNotContain("Only if Triage outcome");

        String refused = mvc.perform(post("/tasks/" + id + "/complete").param("triageOutcome", "SIGNPOSTED")
                        .param("advice", "Use the SEND portal for the request.")
                        .with(user(person("duty-manager"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem").contains("Select the child&#39;s level of need")
                .contains("Select at least one service to signpost the school to")
                .contains("Use the SEND portal for the request.")
                .as("the chosen option's questions stay revealed with the error")
                .contains("id=\"conditional-triageOutcome-2\" class=\"govuk-radios__conditional\"");

        mvc.perform(post("/tasks/" + id + "/complete").param("triageOutcome", "SIGNPOSTED")
                        .param("advice", "Use the SEND portal for the request.").param("levelOfNeed", "TARGETED")
                        .param("signpostTo", "SEND_PORTAL", "MENTAL_HEALTH_PORTAL")
                        .with(user(person("duty-manager"))).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(enquiries.read(reference, person("duty-manager"), "Test").status().name()).isIn("SIGNPOSTED", "CLOSED");

        String decision = mvc.perform(get("/enquiries/" + reference + "/triage").with(user(person("duty-manager"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(decision).contains("Signposted to another service")
                .as("the advice, with its acronym explained from the glossary")
                .contains("Use the <abbr title=\"special educational needs and disabilities\">SEND</abbr> portal for the request.")
                .contains("SEND portal (special educational needs and disabilities)").contains("Mental health portal")
                .contains("Targeted support").contains("duty-manager");
        mvc.perform(get("/enquiries/" + reference + "/triage").with(user(person("school-a"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void childrenAtImmediateRiskComeFirstInTheQueue() throws Exception {
        String ordinary = logEnquiry();
        NewEnquiry atRisk = Enquiries.attendanceWorry();
        String urgent = enquiries.log(new NewEnquiry(null, atRisk.child(), atRisk.concerns(), atRisk.summary(), true,
                atRisk.consent(), atRisk.referrer(), null), person("school-a"), Channel.WEB, Optional.empty()).reference();

        List<WorkItem> firstPage = taskList.workFor(person("duty-manager"), TaskFilter.ALL, TaskOrder.URGENCY, 1, 100).items();

        assertThat(firstPage).extracting(WorkItem::enquiryReference).contains(urgent);
        assertThat(firstPage).extracting(WorkItem::immediateRisk).as("every child at risk before any other")
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(taskFor(urgent).immediateRisk()).isTrue();
        assertThat(taskFor(ordinary).immediateRisk()).isFalse();
        assertThat(mvc.perform(get("/tasks").with(user(person("duty-manager")))).andReturn().getResponse()
                .getContentAsString()).contains("Immediate risk");
    }

    @Test
    void completingNeedsTheCsrfToken() throws Exception {
        String id = taskFor(logEnquiry()).id();

        mvc.perform(post("/tasks/" + id + "/claim").with(user(person("duty-manager")))).andExpect(status().isForbidden());
    }

    @Test
    void aTaskOutsideYourQueueIsNotFound() throws Exception {
        String id = taskFor(logEnquiry()).id();

        mvc.perform(get("/tasks/" + id).with(user(person("panel-member")))).andExpect(status().isNotFound());
    }

    @Test
    void everyFormInTheFormsFolderRendersAsGovukMarkupWithItsErrors() throws Exception {
        String reference = logEnquiry();
        WorkItem task = taskFor(reference);
        var enquiry = enquiries.read(reference, person("duty-manager"), "Test");
        for (java.nio.file.Path file : FormSubmissionValidatorTest.formFiles()) {
            TaskForm form = FormSubmissionValidatorTest.load("forms/" + file.getFileName());
            List<TaskForm.Field> inputs = form.fields().stream().filter(TaskForm.Field::takesInput).toList();
            var problems = inputs.stream().map(f -> new org.tessa.shared.FieldProblem(f.key(), "Check " + f.key())).toList();
            var model = new java.util.HashMap<String, Object>(java.util.Map.of("task", task, "form", form,
                    "values", java.util.Map.of(), "dateInputs", java.util.Map.of(), "errors", problems,
                    "fieldErrors", problems.stream().collect(java.util.stream.Collectors.toMap(
                            org.tessa.shared.FieldProblem::field, org.tessa.shared.FieldProblem::message)),
                    "mine", true, "enquiry", enquiry, "guidance", List.of()));
            model.put("completeLabel", "Complete task");
            model.put("errorAnchors", inputs.stream().filter(f -> f.type() == TaskForm.Type.DATETIME)
                    .collect(java.util.stream.Collectors.toMap(TaskForm.Field::key, f -> f.key() + "-day")));

            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(render(TaskListController.TASK_VIEW, model));

            assertThat(page.title()).as(file.toString()).startsWith("Error: ");
            for (TaskForm.Field field : inputs) {
                String key = field.key();
                var link = page.selectFirst(".govuk-error-summary__list a:contains(Check " + key + ")");
                assertThat(link).as(file + ": summary link for " + key).isNotNull();
                var target = page.getElementById(link.attr("href").substring(1));
                assertThat(target).as(file + ": the summary link for " + key + " goes to an input").isNotNull();
                assertThat(target.tagName()).as(file + " " + key).isIn("input", "textarea", "select");
                assertThat(page.getElementById(key + "-error").text()).isEqualTo("Error: Check " + key);
                var describing = target.tagName().equals("input") && target.hasClass("govuk-input") && field.type() != TaskForm.Type.DATETIME
                        || target.tagName().equals("textarea") ? target : target.closest("fieldset");
                assertThat(describing.attr("aria-describedby").split(" ")).as(file + " " + key).contains(key + "-error");
                if (field.description() != null) {
                    assertThat(describing.attr("aria-describedby").split(" ")).contains(key + "-hint");
                }
                if (form.isRevealed(field)) {
                    var reveal = target.closest(".govuk-radios__conditional");
                    assertThat(reveal).as(file + ": " + key + " is revealed beneath the option it depends on").isNotNull();
                    assertThat(page.select("input[data-aria-controls=" + reveal.id() + "]")).extracting(e -> e.attr("value"))
                            .containsExactly(field.hideWhen().value());
                }
                switch (field.type()) {
                    case TEXTFIELD, NUMBER -> assertThat(target.hasClass("govuk-input--error")).as(key).isTrue();
                    case TEXTAREA -> assertThat(target.hasClass("govuk-textarea--error")).as(key).isTrue();
                    case DATETIME -> assertThat(page.select("input[name^=" + key + "-]")).extracting(e -> e.attr("name"))
                            .containsExactly(key + "-day", key + "-month", key + "-year");
                    default -> page.select("input[name=" + key + "]").forEach(input -> assertThat(input.nextElementSibling())
                            .as(file + ": each box is followed at once by its label").isNotNull()
                            .satisfies(label -> assertThat(label.attr("for")).isEqualTo(input.id())));
                }
            }
        }
    }

    @Autowired
    org.thymeleaf.spring6.SpringTemplateEngine templates;

    @Autowired
    org.springframework.context.ApplicationContext application;

    /** The view rendered as the application renders it, outside a request to a real task. */
    private String render(String view, java.util.Map<String, Object> model) {
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/tasks/test");
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        var exchange = org.thymeleaf.web.servlet.JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        var context = new org.thymeleaf.context.WebContext(exchange, java.util.Locale.UK, model);
        context.setVariable(org.thymeleaf.spring6.expression.ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(application, null));
        return templates.process(view, context);
    }

    private String logEnquiry() {
        return enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty()).reference();
    }

    private WorkItem taskFor(String reference) {
        return taskList.workOn(person("duty-manager"), reference).get(0);
    }
}
