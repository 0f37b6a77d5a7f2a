package org.tessa.people;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.FormErrors;
import org.tessa.shared.InvalidSubmissionException;

/** Administrators issue API keys to integrations and revoke them. A new key's token is shown once. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ApiKeyAdminController {

    static final int DEFAULT_VALID_DAYS = 365;

    private final ApiKeys keys;
    private final StaffDirectory staff;
    private final java.time.Clock clock;

    ApiKeyAdminController(ApiKeys keys, StaffDirectory staff, java.time.Clock clock) {
        this.keys = keys;
        this.staff = staff;
        this.clock = clock;
    }

    @GetMapping("/admin/api-keys")
    String page(Model model) {
        return show(List.of(), null, null, String.valueOf(DEFAULT_VALID_DAYS), model);
    }

    @PostMapping("/admin/api-keys")
    String issue(@RequestParam(required = false) String name, @RequestParam(required = false) String account,
            @RequestParam(required = false) String validDays, @AuthenticationPrincipal StaffMember admin, Model model,
            RedirectAttributes redirect) {
        try {
            ApiKeys.Issued issued = keys.issue(name, account, days(validDays), admin);
            redirect.addFlashAttribute("issued", issued);
        } catch (InvalidSubmissionException invalid) {
            return show(invalid.problems(), name, account, validDays, model);
        }
        return "redirect:/admin/api-keys";
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    String revoke(@PathVariable long id, @AuthenticationPrincipal StaffMember admin, RedirectAttributes redirect) {
        keys.revoke(id, admin);
        redirect.addFlashAttribute("flash", "The key is revoked: it no longer works");
        return "redirect:/admin/api-keys";
    }

    private String show(List<FieldProblem> problems, String name, String account, String validDays, Model model) {
        model.addAttribute("keys", keys.all());
        model.addAttribute("now", clock.instant());
        model.addAttribute("accounts", Arrays.stream(Role.values()).filter(role -> role != Role.ADMIN)
                .flatMap(role -> staff.withRole(role).stream()).toList());
        model.addAttribute("name", name);
        model.addAttribute("account", account);
        model.addAttribute("validDays", validDays);
        FormErrors.addTo(model, problems);
        return "admin/api-keys";
    }

    /** The days typed, in the digits 0 to 9 as every other number box reads them (Java alone would take "١٠" too). */
    private static Integer days(String typed) {
        return typed == null || !typed.strip().matches("[0-9]{1,9}") ? null : Integer.valueOf(typed.strip());
    }
}
