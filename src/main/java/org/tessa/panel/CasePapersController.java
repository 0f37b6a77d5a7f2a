package org.tessa.panel;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tessa.people.StaffMember;

/** One case's panel papers, on a page of its own. */
@Controller
class CasePapersController {

    static final String CASE_VIEW = "panel/case";

    private final PanelPapers papers;

    CasePapersController(PanelPapers papers) {
        this.papers = papers;
    }

    @GetMapping("/panel/cases/{reference}")
    String papers(@PathVariable String reference, @AuthenticationPrincipal StaffMember person, Model model) {
        model.addAttribute("papers", papers.forCase(reference, person, "Panel case papers"));
        return CASE_VIEW;
    }
}
