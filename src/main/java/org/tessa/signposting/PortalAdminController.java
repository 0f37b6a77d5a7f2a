package org.tessa.signposting;

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
import org.tessa.shared.RecordNotFoundException;

/** Administrators configure the portals: a new one appears in the triage form at once, without code. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PortalAdminController {

    static final String LIST_VIEW = "admin/portals";
    static final String FORM_VIEW = "admin/portal";

    private final PortalRegistry portals;

    PortalAdminController(PortalRegistry portals) {
        this.portals = portals;
    }

    @GetMapping("/admin/portals")
    String list(Model model) {
        model.addAttribute("portals", portals.all());
        return LIST_VIEW;
    }

    @GetMapping("/admin/portals/new")
    String add(Model model) {
        return showForm(new PortalForm(), false, model);
    }

    @GetMapping("/admin/portals/{code}")
    String edit(@PathVariable String code, Model model) {
        Portal portal = portals.find(code).orElseThrow(() -> new RecordNotFoundException("Portal " + code));
        return showForm(PortalForm.of(portal), true, model);
    }

    @PostMapping("/admin/portals")
    String save(@Valid @ModelAttribute("portal") PortalForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("errors", FormErrors.inPageOrder(errors, PortalForm.FIELDS));
            return showForm(form, portals.find(form.getCode() == null ? "" : form.getCode()).isPresent(), model);
        }
        portals.save(form.toPortal());
        redirect.addFlashAttribute("flash", form.getName() + " is saved");
        return "redirect:/admin/portals";
    }

    private String showForm(PortalForm form, boolean existing, Model model) {
        model.addAttribute("portal", form);
        model.addAttribute("existing", existing);
        model.addAttribute("modes", PortalMode.values());
        model.addAttribute("dataItems", SharedData.values());
        return FORM_VIEW;
    }
}
