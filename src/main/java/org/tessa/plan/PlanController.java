package org.tessa.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.enquiry.EnquiryService;
import org.tessa.people.PartnerDirectory;
import org.tessa.people.StaffMember;
import org.tessa.shared.DateBoxes;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.FormErrors;
import org.tessa.shared.Glossary;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.RecordNotFoundException;

/**
 * The plan's own screen, where panel members and the lead professional write it, and the summary everyone
 * entitled to the enquiry (the school included) sees.
 */
@Controller
class PlanController {

    static final String PLAN_VIEW = "panel/plan";
    static final String SUMMARY_VIEW = "panel/plan-summary";
    /** The plan page's fields from top to bottom, so that errors are listed in the order people meet them. */
    static final List<String> FIELD_ORDER = List.of("description", "organisation", "dueDate", "outcomesSought",
            "summaryForChild", "contingency", "reviewDay");

    private final PlanService plans;
    private final Glossary glossary;
    private final EnquiryService enquiries;
    private final PartnerDirectory partners;

    PlanController(PlanService plans, EnquiryService enquiries, PartnerDirectory partners, Glossary glossary) {
        this.glossary = glossary;
        this.plans = plans;
        this.enquiries = enquiries;
        this.partners = partners;
    }

    @GetMapping("/plans/{reference}")
    String plan(@PathVariable String reference, @AuthenticationPrincipal StaffMember person, Model model) {
        return show(reference, person, List.of(), Map.of(), model);
    }

    @PostMapping("/plans/{reference}/details")
    String details(@PathVariable String reference, @RequestParam Map<String, String> form,
            @AuthenticationPrincipal StaffMember person, Model model, RedirectAttributes redirect) {
        try {
            saveDetails(reference, person, form);
        } catch (InvalidSubmissionException invalid) {
            return show(reference, person, invalid.problems(), form, model);
        }
        redirect.addFlashAttribute("flash", "The plan is saved");
        redirect.addFlashAttribute("plainEnglish", glossary.unexplainedIn(form.get("outcomesSought"),
                form.get("summaryForChild"), form.get("contingency")));
        return "redirect:/plans/" + reference;
    }

    @PostMapping("/plans/{reference}/actions")
    String addAction(@PathVariable String reference, @RequestParam Map<String, String> form,
            @AuthenticationPrincipal StaffMember person, Model model, RedirectAttributes redirect) {
        try {
            plans.addAction(reference, person, form.get("description"), form.get("organisation"),
                    partnerId(form.get("partnerOrganisation")), date(form, "due"));
        } catch (InvalidSubmissionException invalid) {
            return show(reference, person, invalid.problems(), form, model);
        }
        redirect.addFlashAttribute("flash", "The action is added");
        return "redirect:/plans/" + reference;
    }

    @PostMapping("/plans/{reference}/actions/{id}/remove")
    String removeAction(@PathVariable String reference, @PathVariable long id,
            @AuthenticationPrincipal StaffMember person, RedirectAttributes redirect) {
        plans.removeAction(reference, person, id);
        redirect.addFlashAttribute("flash", "The action is removed");
        return "redirect:/plans/" + reference;
    }

    /** Saves what is typed in the plan's form (the button is in that form), then confirms the plan. */
    @PostMapping("/plans/{reference}/confirm")
    String confirm(@PathVariable String reference, @RequestParam Map<String, String> form,
            @AuthenticationPrincipal StaffMember person, Model model, RedirectAttributes redirect) {
        try {
            if (form.containsKey("outcomesSought")) {
                saveDetails(reference, person, form);
            }
            plans.confirm(reference, person);
        } catch (InvalidSubmissionException invalid) {
            return show(reference, person, invalid.problems(), form, model);
        }
        redirect.addFlashAttribute("flash", "The plan is confirmed and the school has its summary");
        return "redirect:/plans/" + reference;
    }

    @GetMapping("/plans/{reference}/summary")
    String summary(@PathVariable String reference, @AuthenticationPrincipal StaffMember person, Model model) {
        model.addAttribute("enquiry", enquiries.read(reference, person, "Viewed plan summary"));
        model.addAttribute("plan", plans.find(reference).filter(plan -> plan.status() != PlanStatus.DRAFT)
                .orElseThrow(() -> new RecordNotFoundException("Plan for " + reference)));
        return SUMMARY_VIEW;
    }

    private String show(String reference, StaffMember person, List<FieldProblem> problems, Map<String, String> form,
            Model model) {
        model.addAttribute("plan", plans.forWork(reference, person));
        model.addAttribute("enquiry", enquiries.read(reference, person, "Worked on plan"));
        model.addAttribute("errors", FormErrors.inPageOrder(problems, FIELD_ORDER));
        model.addAttribute("fieldErrors", problems.stream()
                .collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a)));
        model.addAttribute("form", form);
        model.addAttribute("partners", partners.active());
        return PLAN_VIEW;
    }

    private void saveDetails(String reference, StaffMember person, Map<String, String> form) {
        LocalDate reviewDate = date(form, "review");
        if (reviewDate == null && !blank(form, "review")) {
            // every problem at once: the text's too, not only the date's
            List<FieldProblem> problems = new java.util.ArrayList<>(List.of(
                    new FieldProblem("reviewDay", "Review date must be a real date, like 27 3 2027")));
            problems.addAll(plans.detailsProblems(form.get("outcomesSought"), form.get("summaryForChild"),
                    form.get("contingency")));
            throw new InvalidSubmissionException(problems);
        }
        plans.updateDetails(reference, person, form.get("outcomesSought"), form.get("summaryForChild"),
                form.get("contingency"), reviewDate);
    }

    private static boolean blank(Map<String, String> form, String prefix) {
        return List.of("Day", "Month", "Year").stream().map(part -> form.get(prefix + part))
                .allMatch(box -> box == null || box.isBlank());
    }

    private static Long partnerId(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value);
        } catch (NumberFormatException notAnId) {
            return -1L;
        }
    }

    /** A date from GOV.UK's three boxes ({@code prefix}Day, Month, Year); null if they do not make one. */
    private static LocalDate date(Map<String, String> form, String prefix) {
        return DateBoxes.parse(form.get(prefix + "Day"), form.get(prefix + "Month"), form.get(prefix + "Year")).orElse(null);
    }
}
