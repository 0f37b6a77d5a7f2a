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
    private final Glossary glossary;

    PublicPagesController(@Value("${tessa.demo.enabled:false}") boolean demo, Glossary glossary) {
        this.demo = demo;
        this.glossary = glossary;
    }

    /**
     * Spring Security sends a refused sign-in back here with ?error, and one refused for too many failures with
     * ?wait=minutes.
     */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) Integer wait,
            Model model) {
        model.addAttribute("demo", demo);
        String message = wait != null && wait > 0
                ? "You have tried to sign in too many times. Wait " + wait + " minutes, then try again."
                : error != null ? "Enter a correct username and password" : null;
        model.addAttribute("refused", message != null);
        model.addAttribute("refusal", message);
        return "login";
    }

    @GetMapping("/glossary")
    String glossary(Model model) {
        model.addAttribute("glossary", glossary.terms());
        return "glossary";
    }
}
