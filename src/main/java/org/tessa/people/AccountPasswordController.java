package org.tessa.people;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.FormErrors;
import org.tessa.shared.InvalidSubmissionException;

/** Choosing a password through an emailed link (an invitation, or "forgot my password"), before anyone signs in. */
@Controller
class AccountPasswordController {

    private final Accounts accounts;

    AccountPasswordController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String choose(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("works", accounts.linkWorks(token));
        return show(token, List.of(), model);
    }

    @PostMapping("/account/password")
    String set(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String repeated, Model model) {
        try {
            accounts.setPassword(token, password, repeated);
        } catch (InvalidSubmissionException invalid) {
            model.addAttribute("works", !invalid.problems().get(0).field().equals("token"));
            return show(token, invalid.problems(), model);
        }
        return "redirect:/login?passwordSet";
    }

    @GetMapping("/account/forgotten")
    String forgotten(Model model) {
        FormErrors.addTo(model, List.of());
        return "account/forgotten";
    }

    /** The same answer whether or not the account exists, so that the page tells no one who has one; blank is asked again. */
    @PostMapping("/account/forgotten")
    String sendLink(@RequestParam(required = false) String who, Model model) {
        if (who == null || who.isBlank()) {
            FormErrors.addTo(model, List.of(new FieldProblem("who", "Enter your username or email address")));
            return "account/forgotten";
        }
        accounts.requestReset(who);
        return "account/sent";
    }

    private static String show(String token, List<FieldProblem> problems, Model model) {
        model.addAttribute("token", token);
        FormErrors.addTo(model, problems);
        return "account/password";
    }
}
