package org.tessa.enquiry;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.people.StaffMember;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.InvalidSubmissionException;

/** The school's side of an open enquiry: adding what it has learnt since, or withdrawing it. */
@Controller
@PreAuthorize("hasRole('SCHOOL')")
class EnquiryUpdatesController {

    static final String INFORMATION_VIEW = "enquiries/add-information";
    static final String WITHDRAW_VIEW = "enquiries/withdraw";

    private final EnquiryService enquiries;
    private final EnquiryUpdates updates;

    EnquiryUpdatesController(EnquiryService enquiries, EnquiryUpdates updates) {
        this.enquiries = enquiries;
        this.updates = updates;
    }

    @GetMapping("/enquiries/{reference}/information")
    String informationForm(@PathVariable String reference, @AuthenticationPrincipal StaffMember person, Model model) {
        return show(INFORMATION_VIEW, reference, person, "", List.of(), model);
    }

    @PostMapping("/enquiries/{reference}/information")
    String addInformation(@PathVariable String reference, @RequestParam(defaultValue = "") String text,
            @AuthenticationPrincipal StaffMember person, Model model, RedirectAttributes redirect) {
        try {
            updates.addInformation(reference, text, person);
        } catch (InvalidSubmissionException invalid) {
            return show(INFORMATION_VIEW, reference, person, text, invalid.problems(), model);
        }
        redirect.addFlashAttribute("flash", "Your information is added to the enquiry");
        return "redirect:/enquiries/" + reference;
    }

    @GetMapping("/enquiries/{reference}/withdraw")
    String withdrawForm(@PathVariable String reference, @AuthenticationPrincipal StaffMember person, Model model) {
        return show(WITHDRAW_VIEW, reference, person, "", List.of(), model);
    }

    @PostMapping("/enquiries/{reference}/withdraw")
    String withdraw(@PathVariable String reference, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal StaffMember person, Model model, RedirectAttributes redirect) {
        try {
            updates.withdraw(reference, reason, person);
        } catch (InvalidSubmissionException invalid) {
            return show(WITHDRAW_VIEW, reference, person, reason, invalid.problems(), model);
        }
        redirect.addFlashAttribute("flash", "Enquiry " + reference + " is withdrawn");
        return "redirect:/enquiries/" + reference;
    }

    private String show(String view, String reference, StaffMember person, String text, List<FieldProblem> problems,
            Model model) {
        model.addAttribute("enquiry", enquiries.read(reference, person, "Opened a form about the enquiry"));
        model.addAttribute("text", text);
        model.addAttribute("errors", problems);
        Map<String, String> fieldErrors = problems.stream()
                .collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a));
        model.addAttribute("fieldErrors", fieldErrors);
        return view;
    }
}
