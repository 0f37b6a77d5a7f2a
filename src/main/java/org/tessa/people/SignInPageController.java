package org.tessa.people;

import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page: TESSA's own password, the council's identity provider, or both, as configured. Spring Security
 * sends a refused sign-in back here with ?error, one refused for too many failures with ?wait=minutes, and one the
 * provider's account could not be matched to with ?refusedByProvider (the reason in the session).
 */
@Controller
class SignInPageController {

    static final String PROVIDER_REFUSAL = "tessa.providerRefusal";

    private final boolean demo;
    private final SingleSignOnProperties sso;
    private final ObjectProvider<ClientRegistrationRepository> providers;

    SignInPageController(@Value("${tessa.demo.enabled:false}") boolean demo, SingleSignOnProperties sso,
            ObjectProvider<ClientRegistrationRepository> providers) {
        this.demo = demo;
        this.sso = sso;
        this.providers = providers;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) Integer wait,
            @RequestParam(required = false) String refusedByProvider, HttpSession session, Model model) {
        model.addAttribute("demo", demo);
        model.addAttribute("passwords", sso.passwords());
        model.addAttribute("provider", providers.getIfAvailable() == null ? null
                : "/oauth2/authorization/" + sso.registration());
        model.addAttribute("providerButton", sso.button());
        String message = wait != null && wait > 0
                ? "You have tried to sign in too many times. Wait " + wait + " minutes, then try again."
                : refusedByProvider != null ? (String) session.getAttribute(PROVIDER_REFUSAL)
                : error != null ? "Enter a correct username and password" : null;
        model.addAttribute("refused", message != null);
        model.addAttribute("refusal", message);
        return "login";
    }
}
