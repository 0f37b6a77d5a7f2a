package org.tessa.enquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.tessa.TessaIntegrationTest;

/**
 * More enquiries at once than the database pool has connections (ten): each request holds at most one
 * connection at a time, so every one is logged, with its own reference, and none answers 500.
 */
class IntakeUnderLoadTest extends TessaIntegrationTest {

    private static final int AT_ONCE = 24;

    @Test
    void moreEnquiriesAtOnceThanThePoolHasConnectionsAreAllLogged() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < AT_ONCE; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return postJson("school-a", "/api/enquiries", Enquiries.json(), JsonNode.class);
                }));
            }
            start.countDown();
            List<String> references = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : answers) {
                ResponseEntity<JsonNode> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.getStatusCode().value()).isEqualTo(201);
                references.add(response.getBody().get("reference").asText());
            }
            assertThat(references).doesNotHaveDuplicates().hasSize(AT_ONCE);
            references.forEach(reference -> assertThat(kindsRecordedFor(reference)).isNotEmpty());
        } finally {
            clients.shutdownNow();
        }
    }
}
