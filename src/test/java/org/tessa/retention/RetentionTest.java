package org.tessa.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tessa.TessaIntegrationTest;
import org.tessa.caserecord.CaseEvent;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Concern;
import org.tessa.enquiry.Consent;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.NewEnquiry;
import org.tessa.enquiry.ReceivedEnquiries;
import org.tessa.enquiry.ReceivedEnquiry;
import org.tessa.shared.PersonalData;

/**
 * The retention schedule anonymises a closed enquiry once the child is 25 and two years have passed since
 * anything was recorded on it: who the child was and what was written go, everywhere TESSA keeps them; every
 * event, date and outcome stays, and so do the figures, re-referrals included. On PostgreSQL this also proves
 * the case record's trigger lets anonymising through while it still refuses any other change.
 */
class RetentionTest extends TessaIntegrationTest {

    /** A sixth-former: 25 on 1 March 2033. */
    private static final LocalDate BORN = LocalDate.of(2008, 3, 1);
    /** A UPN no other test uses, so that no other enquiry is about this child. */
    private final String upn = "R" + String.format("%011d", System.nanoTime() % 100_000_000_000L) + "0";

    @Autowired
    Retention retention;

    @Autowired
    RetentionProperties schedule;

    @Autowired
    EnquiryService enquiries;

    @Autowired
    ReceivedEnquiries received;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClosedEnquiryIsAnonymisedWhenTheScheduleReachesItAndItsFiguresStay() {
        Instant start = Instant.now().minusSeconds(1);
        String first = closedWithAdvice("Tomasz", "Nowak-Ó'Brien");
        String second = closedWithAdvice("Tomasz", "Nowak-Ó'Brien");
        caseNote(first, "Tomasz told his tutor about the arguments at home.", Instant.now());
        // Something recorded on the second enquiry in 2032 keeps it for two more years.
        caseNote(second, "Tomasz's sister asked the school for the records.", Instant.parse("2032-06-01T10:00:00Z"));
        Instant end = Instant.now().plusSeconds(1);
        Map<String, Boolean> reReferralsBefore = reReferrals(start, end);
        assertThat(reReferralsBefore).containsEntry(first, false).containsEntry(second, true);
        int eventsBefore = caseRecord.eventsAbout(first).size();

        clock.pin(Instant.parse("2033-02-28T12:00:00Z"));
        retention.anonymiseDue();
        assertThat(childNameOf(first)).as("not yet 25").isEqualTo("Tomasz Nowak-Ó'Brien");

        clock.pin(Instant.parse("2033-03-02T02:30:00Z"));
        assertThat(retention.anonymiseDue()).isGreaterThanOrEqualTo(1);

        assertThat(childNameOf(first)).isEqualTo("Anonymised child");
        assertThat(childNameOf(second)).as("recorded on within two years").isEqualTo("Tomasz Nowak-Ó'Brien");
        JsonNode record = as("duty-manager").getForObject("/api/enquiries/" + first, JsonNode.class);
        assertThat(record.at("/child/dateOfBirth").asText(null)).isNull();
        assertThat(record.at("/child/upn").asText(null)).isNull();
        assertThat(record.at("/summary").asText()).isEqualTo(PersonalData.REMOVED);
        assertThat(record.at("/status").asText()).isEqualTo("CLOSED");
        assertThat(record.at("/outcome").asText()).isEqualTo("ADVICE_GIVEN");
        assertThat(record.at("/anonymisedAt").asText()).startsWith("2033-03-02");
        assertThat(record.at("/responses/0/body").asText()).isEqualTo(PersonalData.REMOVED);
        assertThat(jdbc.queryForObject("select advice from triage_decision where enquiry_reference = ?", String.class, first))
                .isEqualTo(PersonalData.REMOVED);
        assertThat(jdbc.queryForList("select body from outbox_letter where subject like ?", String.class, "%[" + first + "]%"))
                .isNotEmpty().containsOnly(PersonalData.REMOVED);
        assertThat(jdbc.queryForList("select child_name from work_item where enquiry_reference = ?", String.class, first))
                .isNotEmpty().containsOnly("Anonymised child");
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(first).count()).as("the engine's history of it").isZero();

        List<CaseEvent> events = caseRecord.eventsAbout(first);
        assertThat(events).hasSize(eventsBefore + 1);
        assertThat(events.get(events.size() - 1).kind()).isEqualTo(CaseEventKind.RECORD_ANONYMISED);
        assertThat(events.subList(0, eventsBefore)).extracting(CaseEvent::summary).containsOnly(PersonalData.REMOVED);
        assertThat(events).extracting(CaseEvent::kind)
                .contains(CaseEventKind.ENQUIRY_RECEIVED, CaseEventKind.TRIAGE_DECIDED, CaseEventKind.CASE_NOTE_ADDED);
        assertThat(events.stream().filter(event -> event.kind() == CaseEventKind.TRIAGE_DECIDED).findFirst().orElseThrow()
                .detail("triageOutcome")).as("the facts the figures read").isEqualTo("ADVICE_GIVEN");

        assertThat(reReferrals(start, end)).as("the figures, as before").isEqualTo(reReferralsBefore);
        assertThat(as("duty-manager").getForObject("/enquiries/" + first, String.class))
                .contains("This enquiry was anonymised on")
                .doesNotContain("Tomasz");

        var lateNote = postJson("duty-manager", "/api/enquiries/" + first + "/notes", Map.of("text", "Tomasz came back."),
                JsonNode.class);
        assertThat(lateNote.getStatusCode().value()).as("nothing more is written on it").isEqualTo(409);

        clock.pin(Instant.parse("2034-06-02T02:30:00Z"));
        retention.anonymiseDue();
        assertThat(childNameOf(second)).isEqualTo("Anonymised child");
        assertThat(reReferrals(start, end)).as("still a re-referral once both are anonymised").isEqualTo(reReferralsBefore);
        assertThat(kindsRecordedFor(first)).as("anonymised once").containsOnlyOnce(CaseEventKind.RECORD_ANONYMISED);
    }

    @Test
    void anOpenEnquiryIsNeverAnonymisedWhateverTheChildsAge() {
        String open = enquiries.log(enquiry("Maja", "Kowalska"), person("school-a"), Channel.WEB, Optional.empty())
                .reference();

        clock.pin(Instant.parse("2033-03-02T02:30:00Z"));
        retention.anonymiseDue();

        assertThat(childNameOf(open)).isEqualTo("Maja Kowalska");
        assertThat(kindsRecordedFor(open)).doesNotContain(CaseEventKind.RECORD_ANONYMISED);
    }

    @Test
    void theEnginesHistoryNeverOutlivesTheRecordItIsAbout() {
        LocalDate someDay = LocalDate.of(2025, 1, 1);
        long keptAtLeastDays = java.time.temporal.ChronoUnit.DAYS.between(someDay, someDay.plus(schedule.keepAfterClosure()));
        var repository = processEngine.getRepositoryService();

        assertThat(repository.createProcessDefinitionQuery().latestVersion().list()).isNotEmpty()
                .allSatisfy(process -> assertThat(process.getHistoryTimeToLive()).as(process.getKey())
                        .isNotNull().isLessThanOrEqualTo((int) keptAtLeastDays));
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list()).isNotEmpty()
                .allSatisfy(decision -> assertThat(decision.getHistoryTimeToLive()).as(decision.getKey())
                        .isNotNull().isLessThanOrEqualTo((int) keptAtLeastDays));
        var engine = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).as("the cleanup runs at night").isEqualTo("20:00");
    }

    private String closedWithAdvice(String firstName, String lastName) {
        String reference = enquiries.log(enquiry(firstName, lastName), person("school-a"), Channel.WEB, Optional.empty())
                .reference();
        var task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        postJson("duty-manager", "/api/tasks/" + task.getId() + "/claim", Map.of(), JsonNode.class);
        var completed = postJson("duty-manager", "/api/tasks/" + task.getId() + "/complete", Map.of(
                "triageOutcome", "ADVICE_GIVEN",
                "advice", "Ask " + firstName + " about home at the next mentoring session.",
                "levelOfNeed", "EARLY_HELP"), JsonNode.class);
        assertThat(completed.getStatusCode().value()).as(String.valueOf(completed.getBody())).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).count() == 0);
        return reference;
    }

    private void caseNote(String reference, String text, Instant at) {
        clock.pin(at);
        try {
            postJson("duty-manager", "/api/enquiries/" + reference + "/notes", Map.of("text", text), JsonNode.class);
        } finally {
            clock.pin(null);
        }
    }

    private NewEnquiry enquiry(String firstName, String lastName) {
        return new NewEnquiry(null, new NewEnquiry.Child(firstName, lastName, BORN, upn, "Year 13"),
                Set.of(Concern.FAMILY_SUPPORT), firstName + " has been sleeping at a friend's since half term.", false,
                Consent.GIVEN, new NewEnquiry.Referrer("Sam Tait", "Designated safeguarding lead (DSL)",
                        "sam.tait@school.example.org", null), null);
    }

    private String childNameOf(String reference) {
        return jdbc.queryForObject("select child_first_name || ' ' || child_last_name from enquiry where reference = ?",
                String.class, reference);
    }

    private Map<String, Boolean> reReferrals(Instant from, Instant to) {
        return received.between(from, to).stream()
                .collect(java.util.stream.Collectors.toMap(ReceivedEnquiry::reference, ReceivedEnquiry::reReferral));
    }
}
