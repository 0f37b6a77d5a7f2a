package org.tessa.people;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each person to where their work starts. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal StaffMember person) {
        return switch (person.role()) {
            case DUTY_MANAGER, PANEL_MEMBER, PARTNER, LEAD_PROFESSIONAL -> "redirect:/tasks";
            case SCHOOL, PORTAL -> "redirect:/enquiries";
            case ADMIN -> "redirect:/admin";
            case MANAGER -> "redirect:/oversight/drift";
        };
    }
}
