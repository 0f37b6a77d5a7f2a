package org.tessa.shared;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators add the acronyms their council uses to the one glossary. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class GlossaryAdminController {

    private final Glossary glossary;

    GlossaryAdminController(Glossary glossary) {
        this.glossary = glossary;
    }

    @GetMapping("/admin/glossary")
    String page(Model model) {
        return show(List.of(), null, null, model);
    }

    @PostMapping("/admin/glossary")
    String add(@RequestParam(required = false) String term, @RequestParam(required = false) String meaning,
            @AuthenticationPrincipal UserDetails admin, Model model, RedirectAttributes redirect) {
        try {
            glossary.add(term, meaning, admin.getUsername());
        } catch (InvalidSubmissionException invalid) {
            return show(invalid.problems(), term, meaning, model);
        }
        redirect.addFlashAttribute("flash", term.strip() + " is in the glossary");
        return "redirect:/admin/glossary";
    }

    private String show(List<FieldProblem> problems, String term, String meaning, Model model) {
        model.addAttribute("glossary", glossary.terms());
        model.addAttribute("term", term);
        model.addAttribute("meaning", meaning);
        FormErrors.addTo(model, problems);
        return "admin/glossary";
    }
}
