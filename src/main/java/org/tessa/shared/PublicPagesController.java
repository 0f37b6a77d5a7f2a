package org.tessa.shared;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages that belong to no feature: the list of acronyms. */
@Controller
class PublicPagesController {

    private final Glossary glossary;

    PublicPagesController(Glossary glossary) {
        this.glossary = glossary;
    }

    @GetMapping("/glossary")
    String glossary(Model model) {
        model.addAttribute("glossary", glossary.terms());
        return "glossary";
    }
}
