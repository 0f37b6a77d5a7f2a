package org.tessa.oversight;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@PreAuthorize("hasRole('ADMIN')")
class IncidentsController {

    static final String INCIDENTS_VIEW = "admin/incidents";

    private final Incidents incidents;

    IncidentsController(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/admin/incidents")
    String list(Model model) {
        model.addAttribute("incidents", incidents.open());
        return INCIDENTS_VIEW;
    }

    @PostMapping("/admin/incidents/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes redirect) {
        incidents.retry(id);
        redirect.addFlashAttribute("flash", "The step will be tried again in a moment");
        return "redirect:/admin/incidents";
    }
}
