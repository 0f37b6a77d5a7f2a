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
        assertThat(unclaimed).contains("Ellie Rowe").contains("Claim this task").doesNotContain("Complete task");

        mvc.perform(post("/tasks/" + id + "/claim").with(user(person("duty-manager"))).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + id));
        String form = mvc.perform(get("/tasks/" + id).with(user(person("duty-manager"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"triageOutcome\"").contains("value=\"REFER_TO_PANEL\"")
                .contains("name=\"advice\"").contains("name=\"signpostTo\"")
                .contains("Only if Triage outcome is: Signposted to another service");

        String refused = mvc.perform(post("/tasks/" + id + "/complete").param("triageOutcome", "SIGNPOSTED")
                        .param("advice", "Use the SEND portal for the request.")
                        .with(user(person("duty-manager"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem").contains("Select level of need")
                .contains("Select at least one option for signpost to")
                .contains("Use the SEND portal for the request.");

        mvc.perform(post("/tasks/" + id + "/complete").param("triageOutcome", "SIGNPOSTED")
                        .param("advice", "Use the SEND portal for the request.").param("levelOfNeed", "TARGETED")
                        .param("signpostTo", "SEND_PORTAL", "MENTAL_HEALTH_PORTAL")
                        .with(user(person("duty-manager"))).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(enquiries.read(reference, person("duty-manager"), "Test").status().name()).isIn("SIGNPOSTED", "CLOSED");

        String decision = mvc.perform(get("/enquiries/" + reference + "/triage").with(user(person("duty-manager"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(decision).contains("Signposted to another service").contains("Use the SEND portal for the request.")
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

    private String logEnquiry() {
        return enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty()).reference();
    }

    private WorkItem taskFor(String reference) {
        return taskList.workOn(person("duty-manager"), reference).get(0);
    }
}
