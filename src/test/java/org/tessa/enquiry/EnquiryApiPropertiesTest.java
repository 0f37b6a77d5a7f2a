package org.tessa.enquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.http.ResponseEntity;
import org.tessa.TessaIntegrationTest;
import org.tessa.caserecord.CaseEventKind;

/**
 * Whatever text a school's system sends about a child (names from any alphabet, markup, SQL, control characters,
 * text too long), intake answers 201 and keeps it exactly as sent, or 400 naming the field; never a 500.
 * Runs on H2 and, in CI, on PostgreSQL, which refuses a NUL character.
 */
@JqwikSpringSupport
class EnquiryApiPropertiesTest extends TessaIntegrationTest {

    private static final int NAME_LIMIT = 100;
    private static final int SUMMARY_LIMIT = 5000;

    @Property(tries = 40)
    void anyNameIsKeptExactlyOrRefusedClearly(@ForAll("names") String firstName, @ForAll("names") String lastName) {
        ResponseEntity<JsonNode> answer = send(firstName, lastName, "Worried about attendance since the summer.");

        if (valid(firstName, NAME_LIMIT) && valid(lastName, NAME_LIMIT)) {
            assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(201);
            JsonNode stored = read(answer);
            assertThat(stored.at("/child/firstName").asText()).isEqualTo(firstName.strip());
            assertThat(stored.at("/child/lastName").asText()).isEqualTo(lastName.strip());
        } else {
            assertRefusedClearly(answer);
        }
    }

    @Property(tries = 25)
    void anySummaryIsKeptExactlyOrRefusedClearly(@ForAll("summaries") String summary) {
        ResponseEntity<JsonNode> answer = send("Noah", "Fenwick", summary);

        if (valid(summary, SUMMARY_LIMIT)) {
            assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(201);
            assertThat(read(answer).at("/summary").asText()).isEqualTo(summary.strip());
        } else {
            assertRefusedClearly(answer);
        }
    }

    @Property(tries = 15)
    void informationASchoolAddsIsKeptExactlyOrRefusedClearly(@ForAll("texts") String text) {
        String reference = enquiry();
        long before = count(reference, CaseEventKind.INFORMATION_ADDED);

        ResponseEntity<JsonNode> answer = postJson("school-a", "/api/enquiries/" + reference + "/information",
                Map.of("text", text), JsonNode.class);

        if (valid(text, SUMMARY_LIMIT)) {
            assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.getBody().get("summary").asText()).isEqualTo(text.strip());
            assertThat(last(reference, CaseEventKind.INFORMATION_ADDED).summary()).isEqualTo(text.strip());
        } else {
            assertRefusedClearly(answer, "text");
            assertThat(count(reference, CaseEventKind.INFORMATION_ADDED)).as("nothing added").isEqualTo(before);
        }
    }

    @Property(tries = 15)
    void aCaseNoteIsKeptExactlyOrRefusedClearly(@ForAll("texts") String text) {
        String reference = enquiry();
        long before = count(reference, CaseEventKind.CASE_NOTE_ADDED);

        ResponseEntity<JsonNode> answer = postJson("duty-manager", "/api/enquiries/" + reference + "/notes",
                Map.of("text", text), JsonNode.class);

        if (valid(text, SUMMARY_LIMIT)) {
            assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(201);
            assertThat(last(reference, CaseEventKind.CASE_NOTE_ADDED).summary()).isEqualTo(text.strip());
        } else {
            assertRefusedClearly(answer, "text");
            assertThat(count(reference, CaseEventKind.CASE_NOTE_ADDED)).as("nothing added").isEqualTo(before);
        }
    }

    @Property(tries = 15)
    void anEnquiryIsWithdrawnWithAnyReasonKeptExactlyOrRefusedClearly(@ForAll("texts") String reason) {
        String reference = send("Noah", "Fenwick", "Worried about attendance since the summer.").getBody()
                .get("reference").asText();

        ResponseEntity<JsonNode> answer = postJson("school-a", "/api/enquiries/" + reference + "/withdrawal",
                Map.of("reason", reason), JsonNode.class);

        if (valid(reason, SUMMARY_LIMIT)) {
            assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(last(reference, CaseEventKind.ENQUIRY_WITHDRAWN).detail("reason")).isEqualTo(reason.strip());
        } else {
            assertRefusedClearly(answer, "reason");
            assertThat(count(reference, CaseEventKind.ENQUIRY_WITHDRAWN)).as("not withdrawn").isZero();
            assertThat(read(reference).get("status").asText()).isNotEqualTo("WITHDRAWN");
        }
    }

    @Example
    void textThatIsNotTextIsRefusedClearly() {
        String reference = enquiry();
        for (Object notText : new Object[] {java.util.List.of("a", "b"), Map.of("html", "<b>"), 3.5e300}) {
            ResponseEntity<JsonNode> information = postJson("school-a", "/api/enquiries/" + reference + "/information",
                    Map.of("text", notText), JsonNode.class);
            ResponseEntity<JsonNode> note = postJson("duty-manager", "/api/enquiries/" + reference + "/notes",
                    Map.of("text", notText), JsonNode.class);
            ResponseEntity<JsonNode> withdrawal = postJson("school-a", "/api/enquiries/" + reference + "/withdrawal",
                    Map.of("reason", notText), JsonNode.class);
            for (ResponseEntity<JsonNode> answer : java.util.List.of(information, note, withdrawal)) {
                assertThat(answer.getStatusCode().value()).as(notText + ": " + answer.getBody()).isIn(201, 200, 400);
            }
        }
        ResponseEntity<JsonNode> noBody = postJson("school-a", "/api/enquiries/" + reference + "/information",
                Map.of(), JsonNode.class);
        assertRefusedClearly(noBody, "text");
    }

    @Example
    void namesFromEveryCommunityAreWelcome() {
        for (String[] name : new String[][] {{"Siobhán", "O'Brien"}, {"Zoë", "Nguyễn Văn An"}, {"محمد", "Al-Hassan"},
                {"Łucja", "Wiśniewska-Kowalczyk"}, {"李", "小龙"}}) {
            ResponseEntity<JsonNode> answer = send(name[0], name[1], "A new family to the area; the children need help.");
            assertThat(answer.getStatusCode().value()).as(String.join(" ", name)).isEqualTo(201);
            assertThat(read(answer).at("/child/lastName").asText()).isEqualTo(name[1]);
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.of("O'Brien", "Zoë", "Nguyễn Văn An", "<script>alert(1)</script>", "Robert'); DROP TABLE enquiry;--",
                        "אבי כהן", "\u202Eevil", "No\u0000ah", "  padded  ", "", " ", "x".repeat(NAME_LIMIT),
                        "x".repeat(NAME_LIMIT + 1), "%_\\", "${7*7}", "[[${7*7}]]"),
                text(0, 120));
    }

    @Provide
    Arbitrary<String> summaries() {
        return Arbitraries.oneOf(text(0, 300), text(SUMMARY_LIMIT - 5, SUMMARY_LIMIT + 5),
                Arbitraries.of("<img src=x onerror=alert(1)>", "line one\nline two\r\n\ttabbed", "a\u0000b"));
    }

    /** Text from several alphabets, markup and SQL characters and control characters, without lone surrogates. */
    private static Arbitrary<String> text(int min, int max) {
        return Arbitraries.strings().ofMinLength(min).ofMaxLength(max)
                .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars(" '\"<>&;%_\\/-*=()[]{}$#@!?.,:\n\t\r\u0000\u0001\u001F\u00A0\u200B\u202E")
                .withCharRange('\u00C0', '\u017F').withCharRange('\u0590', '\u05FF').withCharRange('\u0600', '\u06FF')
                .withCharRange('\u4E00', '\u4E2F');
    }

    @Provide
    Arbitrary<String> texts() {
        return org.tessa.HostileInput.textFor(SUMMARY_LIMIT);
    }

    /** One enquiry for the property, open, for information and case notes to join. */
    private String enquiry() {
        if (openEnquiry == null) {
            openEnquiry = send("Noah", "Fenwick", "Worried about attendance since the summer.").getBody()
                    .get("reference").asText();
        }
        return openEnquiry;
    }

    private String openEnquiry;

    private JsonNode read(String reference) {
        return as("school-a").getForObject("/api/enquiries/" + reference, JsonNode.class);
    }

    private long count(String reference, CaseEventKind kind) {
        return caseRecord.eventsAbout(reference).stream().filter(event -> event.kind() == kind).count();
    }

    private org.tessa.caserecord.CaseEvent last(String reference, CaseEventKind kind) {
        return caseRecord.eventsAbout(reference).stream().filter(event -> event.kind() == kind)
                .reduce((first, second) -> second).orElseThrow();
    }

    /** A 400 problem+json whose detail or errors name the field. */
    private static void assertRefusedClearly(ResponseEntity<JsonNode> answer, String field) {
        assertRefusedClearly(answer);
        String body = answer.getBody().toString();
        assertThat(body.contains("'" + field + "'") || body.contains("\"field\":\"" + field + "\"")).as(body).isTrue();
    }

    private ResponseEntity<JsonNode> send(String firstName, String lastName, String summary) {
        Map<String, Object> enquiry = Enquiries.json();
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) enquiry.get("child");
        child.put("firstName", firstName);
        child.put("lastName", lastName);
        enquiry.put("summary", summary);
        return postJson("school-a", "/api/enquiries", enquiry, JsonNode.class);
    }

    private JsonNode read(ResponseEntity<JsonNode> created) {
        return as("school-a").getForObject("/api/enquiries/" + created.getBody().get("reference").asText(), JsonNode.class);
    }

    /** What the API accepts: not blank, within the limit, and no NUL (PostgreSQL cannot store one). */
    private static boolean valid(String text, int limit) {
        String stored = text.strip();
        return !stored.isEmpty() && stored.length() <= limit && stored.indexOf('\u0000') < 0;
    }

    private static void assertRefusedClearly(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().get("detail").asText()).isNotBlank();
    }
}
