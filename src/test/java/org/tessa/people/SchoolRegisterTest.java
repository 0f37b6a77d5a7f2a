package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.tessa.TessaIntegrationTest;
import org.tessa.enquiry.Enquiries;
import org.tessa.shared.InvalidSubmissionException;

/** The register of schools from GIAS's extract (samples in its real column layout), and by hand. */
class SchoolRegisterTest extends TessaIntegrationTest {

    @Autowired
    SchoolRegister register;

    @Autowired
    MockMvc mvc;

    @Test
    void anImportAddsRenamesAndClosesTheCouncilsSchoolsAndReportsBadRowsByLine() throws Exception {
        SchoolRegister.ImportReport first = importSample("edubasealldata-sample.csv");

        assertThat(first.added()).as("Rainford, St Julie's, Sutton Manor (open, but proposed to close)").isEqualTo(3);
        assertThat(first.unchanged()).as("Parr Meadow, already known").isEqualTo(1);
        assertThat(first.otherAuthorities()).as("a Liverpool school").isEqualTo(1);
        assertThat(first.problems()).extracting(SchoolRegister.LineProblem::line).containsExactly(8L, 9L, 10L);
        assertThat(first.problems().get(0).problem()).isEqualTo("the URN 'ABC123' is not 6 to 8 digits");
        assertThat(first.problems().get(2).problem()).startsWith("has 4 columns");
        assertThat(staff.schoolByUrn("104815")).as("closed before TESSA knew it: not added").isEmpty();
        assertThat(staff.schoolByUrn("104813")).get().extracting(School::name)
                .as("GIAS's Windows-1252 read as such").isEqualTo("St Julie\u2019s Catholic High School");
        assertThat(register.find(staff.schoolByUrn("104812").orElseThrow().id())).get()
                .satisfies(school -> {
                    assertThat(school.establishmentType()).isEqualTo("Academy converter");
                    assertThat(school.phase()).isEqualTo("Secondary");
                    assertThat(school.postcode()).isEqualTo("WA11 8PY");
                    assertThat(school.locality()).isEqualTo("St. Helens");
                    assertThat(school.source()).isEqualTo("GIAS");
                });

        var stJulies = Enquiries.json();
        stJulies.put("schoolUrn", "104813");
        String reference = postJson("duty-manager", "/api/enquiries", stJulies, JsonNode.class).getBody()
                .get("reference").asText();

        SchoolRegister.ImportReport later = importSample("edubasealldata-sample-later.csv");

        assertThat(later.added()).as("Bold Forest Academy").isEqualTo(1);
        assertThat(later.renamed()).as("Rainford High School").isEqualTo(1);
        assertThat(later.closed()).as("St Julie's").isEqualTo(1);
        assertThat(later.problems()).isEmpty();
        assertThat(staff.schoolByUrn("104812")).get().extracting(School::name).isEqualTo("Rainford High School");
        assertThat(staff.schools()).extracting(School::urn).doesNotContain("104813").contains("104818", "104811");
        assertThat(as("duty-manager").getForObject("/api/enquiries/" + reference, JsonNode.class).at("/school/name").asText())
                .as("a closed school's enquiries keep their school").isEqualTo("St Julie\u2019s Catholic High School");
        var toAClosedSchool = postJson("duty-manager", "/api/enquiries", stJulies, JsonNode.class);
        assertThat(toAClosedSchool.getStatusCode().value()).isEqualTo(400);
        assertThat(toAClosedSchool.getBody().toString()).contains("There is no open school with that URN");
    }

    @Test
    void aFileThatIsNotAGiasExtractIsRefusedWholeAndOnlyAdministratorsImport() throws Exception {
        var notGias = new MockMultipartFile("file", "pupils.csv", "text/csv",
                "Name,Year\nEllie,6\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/schools/import").file(notGias).with(csrf()).with(user(person("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "This is not a GIAS establishment extract: it has no URN, LA (code), EstablishmentName")));
        mvc.perform(multipart("/admin/schools/import").file(notGias).with(csrf()).with(user(person("manager"))))
                .andExpect(status().isForbidden());
        String header;
        try (InputStream sample = getClass().getResourceAsStream("/gias/edubasealldata-sample.csv")) {
            header = new String(sample.readAllBytes(), "windows-1252").lines().findFirst().orElseThrow();
        }
        String mossBank = "104899,342,St. Helens,,Moss Bank Primary School" + ",".repeat(header.split(",").length - 5);
        var gias = new MockMultipartFile("file", "edubasealldata.csv", "text/csv",
                (header + "\r\n" + mossBank + "\r\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/schools/import").file(gias).with(csrf()).with(user(person("admin"))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("report"));
        assertThat(staff.activeSchoolByUrn("104899")).get().extracting(School::name).isEqualTo("Moss Bank Primary School");
    }

    @Test
    void administratorsAddAProvisionGiasDoesNotListAndCorrectIt() {
        long id = register.add("9000042", "Parr Alternative Provision", "WA9 2XX", "admin");

        assertThat(staff.activeSchoolByUrn("9000042")).get().extracting(School::name).isEqualTo("Parr Alternative Provision");
        assertThat(catchThrowableOfType(InvalidSubmissionException.class,
                () -> register.add("9000042", "Again", null, "admin")).problems())
                .extracting(problem -> problem.message()).containsExactly("A school with URN 9000042 is already in the register");
        assertThat(catchThrowableOfType(InvalidSubmissionException.class,
                () -> register.add("12", "", "not a postcode!", "admin")).problems())
                .extracting(problem -> problem.field()).containsExactly("urn", "name", "postcode");

        register.edit(id, "Parr Learning Centre", "", false, "admin");

        assertThat(register.find(id)).get().satisfies(school -> {
            assertThat(school.name()).isEqualTo("Parr Learning Centre");
            assertThat(school.active()).isFalse();
            assertThat(school.source()).isEqualTo("MANUAL");
        });
        assertThat(staff.activeSchoolByUrn("9000042")).isEqualTo(Optional.empty());
    }

    private SchoolRegister.ImportReport importSample(String name) throws Exception {
        try (InputStream sample = getClass().getResourceAsStream("/gias/" + name)) {
            return register.importGias(sample, "admin");
        }
    }
}
