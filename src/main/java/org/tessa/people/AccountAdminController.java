package org.tessa.people;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

/** Administrators invite people, change what they do, and deactivate them when they leave. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AccountAdminController {

    private final Accounts accounts;
    private final StaffDirectory staff;
    private final PartnerDirectory partners;

    AccountAdminController(Accounts accounts, StaffDirectory staff, PartnerDirectory partners) {
        this.accounts = accounts;
        this.staff = staff;
        this.partners = partners;
    }

    @GetMapping("/admin/accounts")
    String list(@RequestParam(required = false) String role, @RequestParam(required = false) String status,
            @RequestParam(required = false) String belongsTo, Model model) {
        Role chosenRole = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
        Accounts.Status chosenStatus = Arrays.stream(Accounts.Status.values()).filter(s -> s.name().equals(status))
                .findFirst().orElse(null);
        // "school-3" or "organisation-2": where someone works, for school staff and partners
        Long school = belongsTo != null && belongsTo.startsWith("school-") ? number(belongsTo.substring(7)) : null;
        Long organisation = belongsTo != null && belongsTo.startsWith("organisation-") ? number(belongsTo.substring(13)) : null;
        model.addAttribute("accounts", accounts.list(chosenRole, chosenStatus, school, organisation));
        model.addAttribute("belongsTo", belongsTo);
        model.addAttribute("roles", roles());
        model.addAttribute("statuses", Accounts.Status.values());
        model.addAttribute("role", chosenRole);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("schools", staff.schools().stream().collect(Collectors.toMap(School::id, School::name)));
        model.addAttribute("organisations", partners.all().stream()
                .collect(Collectors.toMap(PartnerOrganisation::id, PartnerOrganisation::name)));
        return "admin/accounts";
    }

    @GetMapping("/admin/accounts/new")
    String newAccount(Model model) {
        return show(null, Map.of(), List.of(), model);
    }

    @PostMapping("/admin/accounts")
    String invite(@RequestParam Map<String, String> form, @AuthenticationPrincipal StaffMember admin, Model model,
            RedirectAttributes redirect) {
        try {
            accounts.invite(details(form), admin);
        } catch (InvalidSubmissionException invalid) {
            return show(null, form, invalid.problems(), model);
        }
        redirect.addFlashAttribute("flash", form.get("displayName").strip() + " is invited: an email with a link to "
                + "choose a password is on its way");
        return "redirect:/admin/accounts";
    }

    @GetMapping("/admin/accounts/{username}")
    String account(@PathVariable String username, Model model) {
        return show(existing(username), null, List.of(), model);
    }

    @PostMapping("/admin/accounts/{username}")
    String edit(@PathVariable String username, @RequestParam Map<String, String> form,
            @AuthenticationPrincipal StaffMember admin, Model model, RedirectAttributes redirect) {
        Accounts.Account account = existing(username);
        try {
            accounts.edit(details(withUsername(form, username)), admin);
        } catch (InvalidSubmissionException invalid) {
            return show(account, form, invalid.problems(), model);
        }
        redirect.addFlashAttribute("flash", "The account is saved");
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{username}/deactivate")
    String deactivate(@PathVariable String username, @AuthenticationPrincipal StaffMember admin, RedirectAttributes redirect) {
        accounts.deactivate(username, admin);
        redirect.addFlashAttribute("flash", "The account is deactivated: they are signed out, cannot sign in, and the "
                + "tasks they held are back with their teams");
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{username}/reactivate")
    String reactivate(@PathVariable String username, @AuthenticationPrincipal StaffMember admin, RedirectAttributes redirect) {
        accounts.reactivate(username, admin);
        redirect.addFlashAttribute("flash", "The account can sign in again");
        return "redirect:/admin/accounts/" + username;
    }

    @PostMapping("/admin/accounts/{username}/reinvite")
    String reinvite(@PathVariable String username, @AuthenticationPrincipal StaffMember admin, RedirectAttributes redirect) {
        accounts.reinvite(username, admin);
        redirect.addFlashAttribute("flash", "The invitation is sent again, with a new link");
        return "redirect:/admin/accounts/" + username;
    }

    private String show(Accounts.Account account, Map<String, String> typed, List<FieldProblem> problems, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("typed", typed != null ? typed : account == null ? Map.of() : Map.of(
                "displayName", account.displayName(), "email", account.email() == null ? "" : account.email(),
                "role", account.role().name(),
                "schoolId", account.schoolId() == null ? "" : account.schoolId().toString(),
                "organisationId", account.organisationId() == null ? "" : account.organisationId().toString(),
                "manages", account.manages() == null ? "" : account.manages()));
        model.addAttribute("roles", roles());
        model.addAttribute("schools", staff.schools());
        model.addAttribute("organisations", partners.all());
        FormErrors.addTo(model, problems);
        return "admin/account";
    }

    private Accounts.Account existing(String username) {
        return accounts.find(username).orElseThrow(() -> new org.tessa.shared.RecordNotFoundException("Account " + username));
    }

    private static List<Role> roles() {
        return Arrays.stream(Role.values()).filter(role -> role != Role.PORTAL).toList();
    }

    private static Map<String, String> withUsername(Map<String, String> form, String username) {
        var copy = new java.util.HashMap<>(form);
        copy.put("username", username);
        return copy;
    }

    private static Accounts.Details details(Map<String, String> form) {
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(form.get("role"))).findFirst().orElse(null);
        return new Accounts.Details(form.get("username"), form.get("displayName"), form.get("email"), role,
                number(form.get("schoolId")), number(form.get("organisationId")), form.get("manages"));
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException tampered) {
            return null;
        }
    }
}
