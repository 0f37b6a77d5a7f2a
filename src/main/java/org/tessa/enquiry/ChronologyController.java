package org.tessa.enquiry;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.people.StaffMember;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.Glossary;
import org.tessa.shared.InvalidSubmissionException;

/** A child's chronology: on screen, printable, as a PDF; and the case notes staff add to it. */
@Controller
class ChronologyController {

    static final String CHRONOLOGY_VIEW = "enquiries/chronology";

    private final Chronologies chronologies;
    private final EnquiryUpdates updates;
    private final Glossary glossary;
    private final ChronologyPdf pdf;

    ChronologyController(Chronologies chronologies, EnquiryUpdates updates, ChronologyPdf pdf, Glossary glossary) {
        this.glossary = glossary;
        this.chronologies = chronologies;
        this.updates = updates;
        this.pdf = pdf;
    }

    @GetMapping("/enquiries/{reference}/chronology")
    String chronology(@PathVariable String reference, @RequestParam(name = "stage", required = false) Set<CaseEventKind.Stage> stages,
            @AuthenticationPrincipal StaffMember person, Model model) {
        return show(chronologies.of(reference, person, chosen(stages)), List.of(), "", model);
    }

    @GetMapping("/enquiries/{reference}/chronology.pdf")
    ResponseEntity<byte[]> chronologyPdf(@PathVariable String reference,
            @RequestParam(name = "stage", required = false) Set<CaseEventKind.Stage> stages,
            @AuthenticationPrincipal StaffMember person) {
        Chronology chronology = chronologies.of(reference, person, chosen(stages));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("chronology-" + chronology.enquiry().reference() + ".pdf").build().toString())
                .body(pdf.render(chronology));
    }

    @PostMapping("/enquiries/{reference}/notes")
    String addNote(@PathVariable String reference, @RequestParam(defaultValue = "") String text,
            @AuthenticationPrincipal StaffMember person, Model model, RedirectAttributes redirect) {
        try {
            updates.addCaseNote(reference, text, person);
        } catch (InvalidSubmissionException invalid) {
            return show(chronologies.of(reference, person, Set.of()), invalid.problems(), text, model);
        }
        redirect.addFlashAttribute("flash", "Your case note is added to the chronology");
        redirect.addFlashAttribute("plainEnglish", glossary.unexplainedIn(text));
        return "redirect:/enquiries/" + reference + "/chronology#latest";
    }

    private String show(Chronology chronology, List<FieldProblem> problems, String note, Model model) {
        model.addAttribute("chronology", chronology);
        model.addAttribute("stages", CaseEventKind.Stage.values());
        model.addAttribute("errors", problems);
        model.addAttribute("fieldErrors", problems.stream().collect(
                java.util.stream.Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a)));
        model.addAttribute("note", note);
        return CHRONOLOGY_VIEW;
    }

    private static Set<CaseEventKind.Stage> chosen(Set<CaseEventKind.Stage> stages) {
        return stages == null || stages.isEmpty() ? Set.of() : EnumSet.copyOf(stages);
    }
}
