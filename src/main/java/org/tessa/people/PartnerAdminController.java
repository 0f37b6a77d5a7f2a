package org.tessa.people;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.shared.FormErrors;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.RecordNotFoundException;

/** Administrators keep the register of Family Hub partner organisations. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PartnerAdminController {

    static final String LIST_VIEW = "partner/organisations";
    static final String FORM_VIEW = "partner/organisation";

    private final PartnerDirectory partners;

    PartnerAdminController(PartnerDirectory partners) {
        this.partners = partners;
    }

    @GetMapping("/admin/partners")
    String list(Model model) {
        model.addAttribute("organisations", partners.all());
        return LIST_VIEW;
    }

    @GetMapping("/admin/partners/new")
    String add(Model model) {
        return showForm(new PartnerForm(), model);
    }

    @GetMapping("/admin/partners/{id}")
    String edit(@PathVariable long id, Model model) {
        return showForm(PartnerForm.of(partners.find(id)
                .orElseThrow(() -> new RecordNotFoundException("Partner organisation " + id))), model);
    }

    @PostMapping("/admin/partners")
    String save(@Valid @ModelAttribute("organisation") PartnerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("errors", FormErrors.inPageOrder(errors, PartnerForm.FIELDS));
            return showForm(form, model);
        }
        try {
            if (form.getId() == null) {
                partners.add(form.getName(), form.getOrganisationType(), form.getLocality(), form.getContactName(),
                        form.getContactEmail());
            } else {
                partners.update(new PartnerOrganisation(form.getId(), form.getName(), form.getOrganisationType(),
                        form.getLocality(), form.getContactName(), form.getContactEmail(), form.isActive()));
            }
        } catch (InvalidSubmissionException refused) {
            refused.problems().forEach(problem -> errors.rejectValue(problem.field(), "refused", problem.message()));
            model.addAttribute("errors", FormErrors.inPageOrder(errors, PartnerForm.FIELDS));
            return showForm(form, model);
        }
        redirect.addFlashAttribute("flash", form.getName() + " is saved");
        return "redirect:/admin/partners";
    }

    private String showForm(PartnerForm form, Model model) {
        model.addAttribute("organisation", form);
        model.addAttribute("types", OrganisationType.values());
        return FORM_VIEW;
    }
}
