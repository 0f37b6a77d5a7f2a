package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.tessa.HostileInput.assertNoServerError;
import static org.tessa.HostileInput.assertShownEscaped;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.apache.commons.csv.CSVFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tessa.HostileInput;
import org.tessa.TessaIntegrationTest;

/**
 * Importing the schools register from a GIAS extract holding anything: a school's name as the file holds it (in
 * GIAS's Windows-1252) is kept exactly and shown escaped, or its line is reported as not read; a file that is not
 * a GIAS extract, or not CSV at all, shows the page again naming the file, with nothing from it saved. Never a 500.
 * Each try's schools have URNs of their own.
 */
@JqwikSpringSupport
class SchoolImportPropertiesTest extends TessaIntegrationTest {

    private static final Charset GIAS = Charset.forName("windows-1252");
    private static final AtomicInteger UNIQUE = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    SchoolRegister schools;

    @Property(tries = 15)
    void aSchoolsNameFromGiasIsKeptExactlyOrItsLineIsReportedNotRead(@ForAll("names") String typedName) throws Exception {
        String urn = urn();
        String name = new String(typedName.getBytes(GIAS), GIAS);

        MvcResult answer = upload(header() + row(urn, name, "WA9 1AA"));

        assertNoServerError(answer);
        assertThat(answer.getResponse().getRedirectedUrl()).as(answer.getResponse().getContentAsString())
                .isEqualTo("/admin/schools");
        SchoolRegister.ImportReport report = (SchoolRegister.ImportReport) answer.getFlashMap().get("report");
        var kept = schools.all().stream().filter(s -> s.urn().equals(urn)).findFirst();
        if (HostileInput.storable(name, 1, 200)) {
            assertThat(report.problems()).isEmpty();
            assertThat(kept).get().extracting(SchoolRegister.RegisteredSchool::name).isEqualTo(name.strip());
            assertShownEscaped(page("/admin/schools/" + kept.get().id()), name.strip());
        } else {
            assertThat(report.problems()).as("the line is reported").hasSize(1);
            assertThat(kept).as("nothing saved").isEmpty();
        }
    }

    @Property(tries = 15)
    void aFileThatIsNotAGiasExtractIsRefusedNamingTheFileWithNothingSaved(@ForAll("files") byte[] file) throws Exception {
        String urn = urn();
        // a school that would be added, before whatever follows it in the file
        byte[] withSchool = concat((header() + row(urn, "Sutton Manor Primary School", "WA9 4AB")).getBytes(GIAS), file);

        for (byte[] extract : List.of(file, withSchool)) {
            MvcResult answer = upload(extract);

            assertNoServerError(answer);
            if (answer.getResponse().getRedirectedUrl() == null) {
                String page = answer.getResponse().getContentAsString();
                assertThat(answer.getResponse().getStatus()).as(page).isEqualTo(200);
                assertThat(page).contains("govuk-error-summary").contains("href=\"#file\"");
                assertThat(schools.all()).as("nothing saved").noneMatch(s -> s.urn().equals(urn));
            }
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(HostileInput.textFor(200), Arbitraries.of("Line one\nline two", "\"Quoted\" School",
                "Comma, School", "St. Helens' \"Best\", School\r\n", "Nul\u0000School"));
    }

    @Provide
    Arbitrary<byte[]> files() {
        return Arbitraries.oneOf(
                HostileInput.text(0, 300).map(text -> text.getBytes(GIAS)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.of("", "\"unterminated,quote\n104899,342", "a,\"b\"c,d\n", "\u0000\u0000\n",
                        "URN,URN,LA (code)\n1,2,3\n", String.join(",", SchoolRegister.NEEDED) + "\n\"x\n",
                        String.join(",", SchoolRegister.NEEDED) + "\n1,\"342\"x,y\n", "\uFEFFURN\n")
                        .map(text -> text.getBytes(GIAS)));
    }

    private MvcResult upload(String csv) throws Exception {
        return upload(csv.getBytes(GIAS));
    }

    private MvcResult upload(byte[] csv) throws Exception {
        return mvc.perform(multipart("/admin/schools/import")
                .file(new MockMultipartFile("file", "edubasealldata.csv", "text/csv", csv))
                .with(user(person("admin"))).with(csrf())).andReturn();
    }

    private String header() throws IOException {
        try (InputStream sample = getClass().getResourceAsStream("/gias/edubasealldata-sample.csv")) {
            return new String(sample.readAllBytes(), GIAS).lines().findFirst().orElseThrow() + "\r\n";
        }
    }

    /** A row of the sample's columns, quoted as CSV quotes: the URN, the council's code, the name, open, the postcode. */
    private String row(String urn, String name, String postcode) throws IOException {
        List<String> columns = Arrays.asList(header().strip().split(","));
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
            cells.add(switch (column) {
                case SchoolRegister.URN -> urn;
                case SchoolRegister.LA_CODE -> "342";
                case SchoolRegister.NAME -> name;
                case SchoolRegister.STATUS -> "Open";
                case SchoolRegister.POSTCODE -> postcode;
                default -> "";
            });
        }
        StringWriter row = new StringWriter();
        CSVFormat.DEFAULT.printRecord(row, cells.toArray());
        return row.toString();
    }

    private static String urn() {
        return String.valueOf(60_000_000 + UNIQUE.getAndIncrement() + (int) (ProcessHandle.current().pid() % 1000) * 10_000);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(person("admin")))).andReturn().getResponse().getContentAsString();
    }
}
