package org.tessa.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages that belong to no feature: sign-in and the list of acronyms. */
@Controller
class PublicPagesController {

    private final boolean demo;

    PublicPagesController(@Value("${tessa.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    /** Spring Security sends a refused sign-in back here with ?error. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("demo", demo);
        model.addAttribute("refused", error != null);
        return "login";
    }

    @GetMapping("/glossary")
    String glossary(Model model) {
        model.addAttribute("glossary", Glossary.ACRONYMS);
        return "glossary";
    }
}
