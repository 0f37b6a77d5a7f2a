package org.tessa.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.EnquiryProcess;
import org.tessa.enquiry.Enquiries;

/** An instance cancelled or suspended by hand, as in Cockpit, is found by the consistency check. */
class RecordAndProcessCheckTest extends TessaIntegrationTest {

    @Test
    void anInstanceCancelledOrSuspendedInCockpitIsReportedAndTheOthersAreNot() {
        String cancelled = log();
        String suspended = log();
        String untouched = log();
        assertThat(disagreeing()).doesNotContain(cancelled, suspended, untouched);

        var runtime = processEngine.getRuntimeService();
        runtime.deleteProcessInstance(instanceOf(cancelled), "Cancelled in Cockpit");
        runtime.suspendProcessInstanceById(instanceOf(suspended));

        JsonNode report = as("admin").getForObject("/api/admin/consistency", JsonNode.class);
        assertThat(disagreeing()).contains(cancelled, suspended).doesNotContain(untouched);
        assertThat(entryFor(report, cancelled).get("problem").asText()).contains("not at triage");
        assertThat(entryFor(report, cancelled).get("process").asText()).isEqualTo("No running process");
        assertThat(entryFor(report, suspended).get("problem").asText()).contains("suspended");
        assertThat(as("duty-manager").getForEntity("/api/admin/consistency", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").getForEntity("/admin/consistency", String.class).getBody())
                .contains("Records and processes").contains(cancelled).contains(suspended);

        runtime.activateProcessInstanceById(instanceOf(suspended));
        assertThat(disagreeing()).doesNotContain(suspended);
    }

    private String log() {
        return postJson("school-a", "/api/enquiries", Enquiries.json(), JsonNode.class).getBody().get("reference").asText();
    }

    private String instanceOf(String reference) {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(EnquiryProcess.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult().getId();
    }

    private List<String> disagreeing() {
        return as("admin").getForObject("/api/admin/consistency", JsonNode.class).findValuesAsText("enquiryReference");
    }

    private static JsonNode entryFor(JsonNode report, String reference) {
        for (JsonNode entry : report) {
            if (entry.get("enquiryReference").asText().equals(reference)) {
                return entry;
            }
        }
        throw new AssertionError("Not reported: " + reference);
    }
}
