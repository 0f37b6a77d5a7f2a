package org.tessa.enquiry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.people.Role;
import org.tessa.people.StaffDirectory;
import org.tessa.people.StaffMember;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.InvalidSubmissionException;

@Controller
class EnquiryController {

    /** Who may list enquiries: schools (their own), and the council's duty managers, panel and administrators. */
    static final String LISTS_ENQUIRIES = "hasAnyRole('SCHOOL','DUTY_MANAGER','PANEL_MEMBER','ADMIN','MANAGER')";

    static final String LIST_VIEW = "enquiries/list";
    static final String FORM_VIEW = "enquiries/new";
    static final String RECORD_VIEW = "enquiries/view";

    private final EnquiryService enquiries;
    private final EnquiryUpdates updates;
    private final StaffDirectory directory;
    private final List<EnquiryNotice> notices;
    private final String mashPhone;

    EnquiryController(EnquiryService enquiries, EnquiryUpdates updates, StaffDirectory directory,
            List<EnquiryNotice> notices, @Value("${tessa.safeguarding.mash-phone}") String mashPhone) {
        this.updates = updates;
        this.enquiries = enquiries;
        this.notices = notices;
        this.directory = directory;
        this.mashPhone = mashPhone;
    }

    @ModelAttribute("mashPhone")
    String mashPhone() {
        return mashPhone;
    }

    @GetMapping("/enquiries")
    @PreAuthorize(LISTS_ENQUIRIES)
    String list(@AuthenticationPrincipal StaffMember person, Model model) {
        model.addAttribute("enquiries", enquiries.list(person, "Enquiries page"));
        return LIST_VIEW;
    }

    @GetMapping("/enquiries/new")
    @PreAuthorize("hasAnyRole('SCHOOL','DUTY_MANAGER')")
    String newEnquiry(@AuthenticationPrincipal StaffMember person, Model model) {
        return showForm(new EnquiryForm(), List.of(), person, model);
    }

    @PostMapping("/enquiries")
    @PreAuthorize("hasAnyRole('SCHOOL','DUTY_MANAGER')")
    String log(@ModelAttribute("enquiry") EnquiryForm form, BindingResult binding,
            @AuthenticationPrincipal StaffMember person, Model model, RedirectAttributes redirect) {
        Channel channel = person.hasRole(Role.DUTY_MANAGER) ? Channel.PHONE : Channel.WEB;
        NewEnquiry enquiry = form.toNewEnquiry(channel);
        List<FieldProblem> problems = new ArrayList<>();
        binding.getFieldErrors().forEach(e -> problems.add(new FieldProblem(e.getField(), "Enter a valid value")));
        if (form.dateOfBirthEntered() && form.dateOfBirth() == null) {
            problems.add(new FieldProblem("dobDay", "Date of birth must be a real date, like 27 3 2015"));
            enquiries.problemsWith(enquiry).stream().filter(p -> !p.field().equals("child.dateOfBirth"))
                    .forEach(p -> problems.add(onForm(p)));
        }
        if (problems.isEmpty()) {
            try {
                LoggedEnquiry logged = enquiries.log(enquiry, person, channel, Optional.empty());
                redirect.addFlashAttribute("flash", "Enquiry " + logged.reference() + " has been logged");
                return "redirect:/enquiries/" + logged.reference();
            } catch (InvalidSubmissionException invalid) {
                invalid.problems().forEach(p -> problems.add(onForm(p)));
            }
        }
        return showForm(form, problems, person, model);
    }

    @GetMapping("/enquiries/{reference}")
    String view(@PathVariable String reference, @AuthenticationPrincipal StaffMember person, Model model) {
        model.addAttribute("enquiry", enquiries.read(reference, person, "Viewed enquiry"));
        model.addAttribute("addedInformation", updates.addedInformation(reference));
        model.addAttribute("notices", notices.stream().flatMap(n -> n.noticesFor(reference, person).stream()).toList());
        return RECORD_VIEW;
    }

    private static FieldProblem onForm(FieldProblem problem) {
        return new FieldProblem(EnquiryForm.formField(problem.field()), problem.message());
    }

    private String showForm(EnquiryForm form, List<FieldProblem> problems, StaffMember person, Model model) {
        model.addAttribute("enquiry", form);
        model.addAttribute("errors", problems.stream()
                .sorted(java.util.Comparator.comparingInt(p -> EnquiryForm.FIELD_ORDER.indexOf(p.field()))).toList());
        model.addAttribute("fieldErrors", problems.stream()
                .collect(java.util.stream.Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a)));
        model.addAttribute("schools", person.hasRole(Role.DUTY_MANAGER) ? directory.schools() : List.of());
        model.addAttribute("concernOptions", Concern.values());
        model.addAttribute("consentOptions", Consent.values());
        return FORM_VIEW;
    }
}
