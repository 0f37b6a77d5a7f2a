package org.tessa.shared;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where an administrator's work starts: every page they keep, in one place rather than a long menu. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdministrationController {

    @GetMapping("/admin")
    String administration() {
        return "admin/index";
    }
}
