package org.tessa.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.awaitility.Awaitility.await;
import static org.tessa.panel.PanelFixtures.london;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Concern;
import org.tessa.enquiry.Consent;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.EnquiryUpdates;
import org.tessa.enquiry.NewEnquiry;
import org.tessa.panel.PanelProcess;
import org.tessa.panel.PanelService;
import org.tessa.people.Role;
import org.tessa.people.School;
import org.tessa.signposting.MashDecision;
import org.tessa.signposting.SignpostService;
import org.tessa.signposting.SignpostingProcess;
import org.tessa.tasklist.TaskList;
import org.tessa.tasklist.WorkItem;

/**
 * A fixed month of enquiries at one school, May 2064 (the Early May bank holiday is Monday 5 May), with every
 * figure worked out by hand below. Each enquiry is logged, triaged and decided at a pinned moment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresTest extends TessaIntegrationTest {

    private static final String URN = "9990640";
    private static final Period MAY = new Period(LocalDate.of(2064, 5, 1), LocalDate.of(2064, 5, 31));

    @Autowired
    Figures figures;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    EnquiryUpdates updates;

    @Autowired
    TaskList taskList;

    @Autowired
    SignpostService signposts;

    @Autowired
    PanelService panel;

    @Autowired
    ScrutinyReports reports;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    private long schoolId;

    @BeforeAll
    void aMonthOfEnquiries() {
        School school = staff.schoolByUrn(URN).orElseGet(() -> staff.addSchool(URN, "Figures Test Academy"));
        schoolId = school.id();
        if (staff.withRole(Role.SCHOOL).stream().noneMatch(p -> p.getUsername().equals("figures-school"))) {
            staff.addAccount("figures-school", "demo", "Figures school DSL", Role.SCHOOL, school.id());
        }
        // Earlier enquiries: Ruby's is more than 12 months before hers in May, Leo's within 12 months.
        at("2063-04-20T10:00");
        log("Ruby", "Marsh", LocalDate.of(2016, 1, 10), Set.of(Concern.BEHAVIOUR));
        at("2063-09-01T10:00");
        log("Leo", "Grant", LocalDate.of(2015, 6, 2), Set.of(Concern.ATTENDANCE));

        at("2064-05-01T10:00");                                             // Thursday
        String amy = log("Amy", "Hill", LocalDate.of(2014, 2, 3), Set.of(Concern.ATTENDANCE));
        at("2064-05-02T09:00");                                             // 23 working hours, in time
        triage(amy, Map.of("triageOutcome", "ADVICE_GIVEN", "advice", "Meet the family.", "levelOfNeed", "UNIVERSAL"));
        at("2064-05-02T16:00");                                             // Friday
        String ruby = log("Ruby", "Marsh", LocalDate.of(2016, 1, 10), Set.of(Concern.BEHAVIOUR));
        at("2064-05-06T09:00");                                             // Tuesday, by phone
        String kai = enquiries.log(enquiry("Kai", "Lowe", LocalDate.of(2013, 7, 8),
                Set.of(Concern.SAFEGUARDING, Concern.FAMILY_SUPPORT), URN), person("duty-manager"), Channel.PHONE,
                Optional.empty()).reference();
        at("2064-05-06T15:00");                                             // Ruby: Friday 8h + Tuesday 15h, due Tuesday 16:00
        triage(ruby, Map.of("triageOutcome", "ADVICE_GIVEN", "advice", "Try the behaviour plan.", "levelOfNeed", "UNIVERSAL"));
        at("2064-05-07T11:00");                                             // Leo again: a re-referral
        String leo = log("Leo", "Grant", LocalDate.of(2015, 6, 2), Set.of(Concern.ATTENDANCE));
        panel.schedule(london("2064-05-13T10:00"), "Town Hall", null, "Chris Hale", "Chair", "admin");
        at("2064-05-07T15:00");                                             // 4 working hours, in time
        triage(leo, Map.of("triageOutcome", "REFER_TO_PANEL", "advice", "The panel will look at this.",
                "levelOfNeed", "SPECIALIST"));
        at("2064-05-08T10:00");                                             // Kai: 15h + 24h + 10h = 49h, late
        triage(kai, Map.of("triageOutcome", "SIGNPOSTED", "signpostTo", List.of("MASH"), "advice", "Referred to the MASH.",
                "levelOfNeed", "TARGETED"));
        WorkItem confirm = await().atMost(Duration.ofSeconds(30)).until(() -> taskList.workOn(person("duty-manager"), kai)
                .stream().filter(item -> item.taskKey().equals(SignpostingProcess.TASK_CONFIRM_MASH_REFERRAL)).findFirst()
                .orElse(null), Objects::nonNull);
        at("2064-05-08T11:00");
        taskList.claim(confirm.id(), person("duty-manager"));
        taskList.complete(confirm.id(), person("duty-manager"), Map.of(SignpostingProcess.MASH_REFERENCE, "MASH-2064-1"));
        at("2064-05-08T15:00");                                             // within its working day
        signposts.receiveDecision("MASH", kai, MashDecision.EARLY_HELP, "MASH-D-1");
        at("2064-05-12T09:00");
        String mia = log("Mia", "Cole", LocalDate.of(2017, 11, 30), Set.of(Concern.OTHER));
        at("2064-05-12T10:00");
        updates.withdraw(mia, "Raised for the wrong child.", person("figures-school"));
        var panelCase = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PanelProcess.PROCESS_KEY).processInstanceBusinessKey(leo);
        Job meeting = await().atMost(Duration.ofSeconds(30)).until(() -> processEngine.getManagementService().createJobQuery()
                .processInstanceId(Optional.ofNullable(panelCase.singleResult()).map(p -> p.getId()).orElse("none"))
                .timers().activityId(PanelProcess.TIMER_MEETING_STARTS).singleResult(), Objects::nonNull);
        processEngine.getManagementService().executeJob(meeting.getId());
        at("2064-05-13T11:00");                                             // Thu, Fri, Mon, Tue: 4 working days
        WorkItem decide = taskList.workOn(person("panel-member"), leo).stream()
                .filter(item -> item.taskKey().equals(PanelProcess.TASK_DECIDE_AT_PANEL)).findFirst().orElseThrow();
        taskList.claim(decide.id(), person("panel-member"));
        taskList.complete(decide.id(), person("panel-member"), Map.of("panelDecision", "NO_FURTHER_ACTION",
                "rationale", "Attendance has recovered.", "attendees", "Chair, CSC"));
        at("2064-05-30T14:00");
        log("Zak", "Reed", LocalDate.of(2012, 4, 4), Set.of(Concern.SEND));
        at("2064-06-01T09:00");                                             // June: outside the period
        log("Amy", "Hill", LocalDate.of(2014, 2, 3), Set.of(Concern.ATTENDANCE));
        clock.pin(london("2064-06-02T09:00"));
    }

    @Test
    void everyFigureIsTheOneWorkedOutByHand() {
        clock.pin(london("2064-06-02T09:00"));
        PeriodFigures may = figures.of(MAY, new PeriodFigures.Filter(schoolId, null));

        assertThat(may.enquiriesReceived()).isEqualTo(6);
        assertThat(may.ratePer10000Children()).as("6 in 38,500 children").isEqualTo(1.6);
        assertThat(may.byChannel()).containsExactlyInAnyOrderEntriesOf(Map.of("Online form", 5L, "Hotline call", 1L));
        assertThat(may.bySchool()).containsExactlyInAnyOrderEntriesOf(Map.of("Figures Test Academy", 6L));
        assertThat(may.byConcern()).containsEntry("Attendance", 2L).containsEntry("Behaviour", 1L)
                .containsEntry("Safeguarding", 1L).containsEntry("Family support", 1L)
                .containsEntry("Something else", 1L).containsEntry("Special educational needs and disabilities (SEND)", 1L)
                .containsEntry("Social, emotional and mental health", 0L);
        assertThat(may.byWeek()).as("by the Monday of each week").containsExactlyEntriesOf(new java.util.TreeMap<>(
                Map.of("2064-04-28", 2L, "2064-05-05", 2L, "2064-05-12", 1L, "2064-05-26", 1L)));
        assertThat(may.byMonth()).containsExactlyEntriesOf(Map.of("2064-05", 6L));

        assertThat(may.triaged()).isEqualTo(4);
        assertThat(may.triagedWithinOneWorkingDay()).as("Amy, Ruby (over the bank holiday weekend), Leo").isEqualTo(3);
        assertThat(may.triagedWithinOneWorkingDayPercent()).isEqualTo(75.0);
        assertThat(may.medianWorkingHoursToTriage()).as("4, 23, 23, 49 hours").isEqualTo(23.0);
        assertThat(may.mashDecisions()).isEqualTo(1);
        assertThat(may.mashDecisionsWithinOneWorkingDayPercent()).isEqualTo(100.0);
        assertThat(may.panelDecisions()).isEqualTo(1);
        assertThat(may.medianWorkingDaysFromReferralToPanelDecision()).isEqualTo(4.0);

        assertThat(may.outcomes()).containsExactlyEntriesOf(orderedOutcomes(2, 1, 1, 0, 0, 1, 1));
        assertThat(may.signpostsByPortal()).containsExactlyEntriesOf(Map.of("MASH (multi-agency safeguarding hub)", 1L));
        assertThat(may.reReferrals()).as("Leo only: Ruby's earlier enquiry is more than 12 months before").isEqualTo(1);
        assertThat(may.reReferralRatePercent()).isEqualTo(16.7);

        PeriodFigures attendance = figures.of(MAY, new PeriodFigures.Filter(schoolId, "ATTENDANCE"));
        assertThat(attendance.enquiriesReceived()).isEqualTo(2);
        assertThat(attendance.reReferrals()).isEqualTo(1);
        assertThat(attendance.reReferralRatePercent()).isEqualTo(50.0);
    }

    @Test
    void theApiAnswersTheSameFiguresToManagersAndAdministratorsOnly() {
        clock.pin(london("2064-06-02T09:00"));
        String query = "/api/figures?from=2064-05-01&to=2064-05-31&school=" + schoolId;

        JsonNode figuresJson = as("manager").getForObject(query, JsonNode.class);

        assertThat(figuresJson.get("enquiriesReceived").asLong()).isEqualTo(6);
        assertThat(figuresJson.get("triagedWithinOneWorkingDayPercent").asDouble()).isEqualTo(75.0);
        assertThat(figuresJson.at("/outcomes/ADVICE_GIVEN").asLong()).isEqualTo(2);
        assertThat(figuresJson.at("/outcomes/WITHDRAWN").asLong()).isEqualTo(1);
        assertThat(figuresJson.get("reReferrals").asLong()).isEqualTo(1);
        assertThat(figuresJson.get("reReferralRatePercent").asDouble()).isEqualTo(16.7);
        assertThat(figuresJson.has("openItems")).isTrue();
        assertThat(figuresJson.has("overdueItems")).isTrue();
        assertThat(as("admin").getForEntity(query, String.class).getStatusCode().value()).isEqualTo(200);
        for (String refused : List.of("duty-manager", "panel-member", "school-a", "partner", "lead-professional")) {
            assertThat(as(refused).getForEntity(query, String.class).getStatusCode().value()).as(refused).isEqualTo(403);
        }
        var backwards = as("manager").getForEntity("/api/figures?from=2064-05-31&to=2064-05-01", JsonNode.class);
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(backwards.getBody().toString()).contains("The last day must be the same as or after the first day");
        assertThat(as("manager").getForEntity("/api/figures?from=31/05/2064&to=2064-05-01", JsonNode.class)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(as("manager").getForEntity("/api/figures?concern=GHOSTS", JsonNode.class).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void aPeriodOrConcernNoFormOffersIsABadRequestSayingWhatWasWrongOnThePageToo() throws Exception {
        for (var wrong : Map.of("concern", "GHOSTS", "period", "last-week").entrySet()) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/figures")
                            .param(wrong.getKey(), wrong.getValue())
                            .with(SecurityMockMvcRequestPostProcessors.user(person("manager"))))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            wrong.getKey().equals("concern") ? "Choose a concern from the list" : "Choose a period from the list")));
        }
    }

    @Test
    void theCsvHoldsEveryFigureTheApiAnswers() {
        clock.pin(london("2064-06-02T09:00"));
        String period = "from=2064-05-01&to=2064-05-31&school=" + schoolId;
        JsonNode api = as("manager").getForObject("/api/figures?" + period, JsonNode.class);
        String csv = as("manager").getForObject("/figures.csv?" + period, String.class);

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("figure,group,value");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.substring(1, line.length() - 1).split("\",\"", -1);
            JsonNode expected = cells[1].isEmpty() ? api.get(cells[0]) : api.get(cells[0]).get(cells[1]);
            assertThat(expected).as(line).isNotNull();
            assertThat(cells[2]).as(line).isEqualTo(expected.asText());
        }
        assertThat(lines).contains("\"enquiriesReceived\",\"\",\"6\"", "\"outcomes\",\"WITHDRAWN\",\"1\"",
                "\"reReferralRatePercent\",\"\",\"16.7\"");
    }

    @Test
    void theScrutinyReportHasTheSameFiguresTheCommentaryAndEveryAcronymItUses() throws Exception {
        clock.pin(london("2064-06-02T09:00"));
        Period june = new Period(LocalDate.of(2064, 6, 1), LocalDate.of(2064, 6, 30));
        mvc.perform(commentary("manager", "")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Error: Scrutiny report")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Write the commentary, in up to 10,000 characters")));
        mvc.perform(commentary("manager", "One enquiry in the first days of June."))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/figures/report?from=2064-06-01&to=2064-06-30"));
        mvc.perform(commentary("admin", "Administrators read the figures but do not write the report."))
                .andExpect(status().isForbidden());

        var report = reports.report(june);
        assertThat(report.headlines().get(0).figure()).isEqualTo("Enquiries received (contacts)");
        assertThat(report.headlines().get(0).now())
                .isEqualTo(String.valueOf(figures.of(june, PeriodFigures.Filter.NONE).enquiriesReceived()));
        assertThat(report.previous()).isEqualTo(MAY);
        assertThat(report.yearBefore()).isEqualTo(new Period(LocalDate.of(2063, 6, 1), LocalDate.of(2063, 6, 30)));
        assertThat(report.commentary().text()).isEqualTo("One enquiry in the first days of June.");
        assertThat(report.acronyms()).containsKeys("MASH", "WFP").doesNotContainKey("SENCO");

        byte[] pdf = as("manager").getForObject("/figures/report.pdf?from=2064-06-01&to=2064-06-30", byte[].class);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Performance report for the scrutiny committee").contains("June 2064")
                    .contains("Enquiries received (contacts) " + report.headlines().get(0).now())
                    .contains("One enquiry in the first days of June.")
                    .contains("Acronyms used in this report").contains("MASH multi-agency safeguarding hub")
                    .contains("WFP Ways Forward Panel");
        }
        assertThat(as("duty-manager").getForEntity("/figures/report.pdf", String.class).getStatusCode().value())
                .isEqualTo(403);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder commentary(String username,
            String text) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/figures/report/commentary").param("from", "2064-06-01").param("to", "2064-06-30")
                .param("commentary", text).with(SecurityMockMvcRequestPostProcessors.csrf())
                .with(SecurityMockMvcRequestPostProcessors.user(person(username)));
    }

    private static Map<String, Long> orderedOutcomes(long advice, long signposted, long nfa, long single, long multi,
            long withdrawn, long open) {
        var outcomes = new java.util.LinkedHashMap<String, Long>();
        outcomes.put("ADVICE_GIVEN", advice);
        outcomes.put("SIGNPOSTED", signposted);
        outcomes.put("NO_FURTHER_ACTION", nfa);
        outcomes.put("SINGLE_AGENCY", single);
        outcomes.put("MULTI_AGENCY", multi);
        outcomes.put("WITHDRAWN", withdrawn);
        outcomes.put("OPEN", open);
        return outcomes;
    }

    private void at(String londonTime) {
        clock.pin(london(londonTime));
    }

    private String log(String first, String last, LocalDate born, Set<Concern> concerns) {
        return enquiries.log(enquiry(first, last, born, concerns, null), person("figures-school"), Channel.WEB,
                Optional.empty()).reference();
    }

    private static NewEnquiry enquiry(String first, String last, LocalDate born, Set<Concern> concerns, String urn) {
        return new NewEnquiry(urn, new NewEnquiry.Child(first, last, born, null, null), concerns,
                "What the school has seen this term.", false, Consent.GIVEN,
                new NewEnquiry.Referrer("Jo Bell", "Designated safeguarding lead (DSL)", "jo.bell@figures.example.org", null),
                null);
    }

    private void triage(String reference, Map<String, Object> decision) {
        String task = taskList.workOn(person("duty-manager"), reference).get(0).id();
        taskList.claim(task, person("duty-manager"));
        taskList.complete(task, person("duty-manager"), decision);
    }
}
