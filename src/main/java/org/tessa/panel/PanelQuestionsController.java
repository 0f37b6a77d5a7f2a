package org.tessa.panel;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.enquiry.EnquiryService;
import org.tessa.people.StaffMember;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.InvalidSubmissionException;

/** The panel's questions to a school about a case, and the school's answers. */
@Controller
class PanelQuestionsController {

    static final String QUESTIONS_VIEW = "panel/questions";

    private final PanelQuestions questions;
    private final EnquiryService enquiries;

    PanelQuestionsController(PanelQuestions questions, EnquiryService enquiries) {
        this.questions = questions;
        this.enquiries = enquiries;
    }

    @GetMapping("/enquiries/{reference}/questions")
    String questions(@PathVariable String reference, @AuthenticationPrincipal StaffMember person, Model model) {
        return show(reference, person, Map.of(), model);
    }

    @PostMapping("/enquiries/{reference}/questions/answer")
    @PreAuthorize("hasRole('SCHOOL')")
    String answer(@PathVariable String reference, @RequestParam(required = false) String answer,
            @AuthenticationPrincipal StaffMember person, Model model, RedirectAttributes redirect) {
        try {
            questions.answer(reference, answer, person);
        } catch (InvalidSubmissionException invalid) {
            model.addAttribute("typed", answer);
            return show(reference, person, Map.of("answer", invalid.problems().get(0).message()), model);
        }
        redirect.addFlashAttribute("flash", "Thank you: your answer is with the panel");
        return "redirect:/enquiries/" + reference;
    }

    @PostMapping("/enquiries/{reference}/questions")
    @PreAuthorize("hasAnyRole('PANEL_MEMBER','ADMIN')")
    String ask(@PathVariable String reference, @RequestParam(required = false) String question,
            @AuthenticationPrincipal StaffMember person, Model model, RedirectAttributes redirect) {
        try {
            questions.ask(reference, question, person);
        } catch (InvalidSubmissionException invalid) {
            model.addAttribute("typed", question);
            return show(reference, person, Map.of("question", invalid.problems().get(0).message()), model);
        }
        redirect.addFlashAttribute("flash", "The question is on the school's view of the enquiry");
        return "redirect:/enquiries/" + reference + "/questions";
    }

    private String show(String reference, StaffMember person, Map<String, String> fieldErrors, Model model) {
        model.addAttribute("enquiry", enquiries.read(reference, person, "Viewed the panel's questions"));
        List<PanelQuestion> asked = questions.questionsAbout(reference);
        model.addAttribute("questions", asked);
        model.addAttribute("openQuestion", asked.stream().anyMatch(PanelQuestion::open));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("errors", fieldErrors.entrySet().stream()
                .map(error -> new FieldProblem(error.getKey(), error.getValue())).toList());
        return QUESTIONS_VIEW;
    }
}
