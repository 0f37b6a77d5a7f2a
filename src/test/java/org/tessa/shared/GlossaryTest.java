package org.tessa.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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

/** One glossary: what the acronyms page, the report and the reminders about acronyms in free text all read. */
class GlossaryTest extends TessaIntegrationTest {

    @Autowired
    Glossary glossary;

    @Autowired
    MockMvc mvc;

    @Autowired
    EnquiryService enquiries;

    @Test
    void anAcronymThatIsNotSpeltOutIsPointedOutAndOneThatIsIsNot() {
        assertThat(glossary.unexplainedIn("Referred to the WFP, and the MASH has been told."))
                .containsExactly("WFP: write \u201cWays Forward Panel (WFP)\u201d the first time, so that the family, "
                        + "and the child later, can read it.",
                        "MASH: write \u201cMulti-agency safeguarding hub (MASH)\u201d the first time, so that the family, "
                        + "and the child later, can read it.");
        assertThat(glossary.unexplainedIn("Referred to the Ways Forward Panel (WFP). The WFP meets on Tuesday.")).isEmpty();
        assertThat(glossary.unexplainedIn("Seen by KOOSH (the school's own counselling service).")).isEmpty();
        assertThat(glossary.unexplainedIn("Waiting for ZQX.")).singleElement().asString()
                .startsWith("ZQX: write what it stands for").contains("administrator can add it");
        assertThat(glossary.unexplainedIn("Ellie is doing well.", null)).isEmpty();
    }

    @Test
    void pagesExplainEachTermWithAnAbbrFromTheGlossaryAndEscapeEverythingElse() {
        assertThat(glossary.explained("Phone the MASH <now> & tell the DSL's deputy."))
                .isEqualTo("Phone the <abbr title=\"multi-agency safeguarding hub\">MASH</abbr> &lt;now&gt; &amp; tell the "
                        + "<abbr title=\"designated safeguarding lead\">DSL</abbr>&apos;s deputy.");
        assertThat(glossary.explained("The MASH (multi-agency safeguarding hub) decided.")).doesNotContain("<abbr");
        assertThat(glossary.explained("SMASHING")).isEqualTo("SMASHING");
    }

    @Test
    void administratorsAddTermsWhichEveryoneThenReads() throws Exception {
        String term = "QXT" + (System.nanoTime() % 1000);
        mvc.perform(post("/admin/glossary").param("term", term).param("meaning", "quick extra test team")
                .with(csrf()).with(user(person("admin")))).andExpect(status().is3xxRedirection());

        assertThat(glossary.terms()).containsEntry(term, "quick extra test team");
        assertThat(glossary.unexplainedIn("Passed to " + term + ".")).singleElement().asString()
                .contains("Quick extra test team (" + term + ")");
        assertThat(mvc.perform(get("/glossary").with(user(person("school-a")))).andReturn().getResponse()
                .getContentAsString()).contains(term).contains("quick extra test team");
        assertThatThrownBy(() -> glossary.add(term.toLowerCase(), "again", "admin"))
                .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("already in the glossary");
        assertThatThrownBy(() -> glossary.add("<b>", "", "admin")).isInstanceOf(InvalidSubmissionException.class)
                .satisfies(refused -> assertThat(((InvalidSubmissionException) refused).problems())
                        .extracting(FieldProblem::field).containsExactly("term", "meaning"));
        mvc.perform(post("/admin/glossary").param("term", "MASH").param("meaning", "again")
                .with(csrf()).with(user(person("manager")))).andExpect(status().isForbidden());
    }

    @Test
    void aCaseNoteWithAnAcronymIsSavedAndTheWriterIsReminded() throws Exception {
        String reference = enquiries.log(Enquiries.attendanceWorry(), person("school-a"), Channel.WEB, Optional.empty())
                .reference();

        mvc.perform(post("/enquiries/" + reference + "/notes").param("text", "Spoke to the DSL; CSC not needed.")
                        .with(csrf()).with(user(person("duty-manager"))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("plainEnglish", List.of(
                        "DSL: write \u201cDesignated safeguarding lead (DSL)\u201d the first time, so that the family, "
                                + "and the child later, can read it.",
                        "CSC: write \u201cChildren's social care (CSC)\u201d the first time, so that the family, "
                                + "and the child later, can read it.")));
        assertThat(caseRecord.eventsAbout(reference)).anySatisfy(event ->
                assertThat(event.summary()).contains("Spoke to the DSL; CSC not needed."));
        assertThat(mvc.perform(get("/enquiries/" + reference + "/chronology").with(user(person("duty-manager"))))
                .andReturn().getResponse().getContentAsString())
                .contains("Spoke to the <abbr title=\"designated safeguarding lead\">DSL</abbr>; "
                        + "<abbr title=\"children&apos;s social care\">CSC</abbr> not needed.");
    }
}
