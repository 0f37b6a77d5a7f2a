package org.tessa.plan;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tessa.people.StaffMember;
import org.tessa.shared.WorkingDayCalendar;

/** A lead professional's cases: every action's owner, due date and red, amber or green. */
@Controller
@PreAuthorize("hasRole('LEAD_PROFESSIONAL')")
class LeadProfessionalController {

    static final String CASES_VIEW = "panel/my-cases";

    private final PlanService plans;
    private final WorkingDayCalendar calendar;

    LeadProfessionalController(PlanService plans, WorkingDayCalendar calendar) {
        this.plans = plans;
        this.calendar = calendar;
    }

    @GetMapping("/my-cases")
    String cases(@AuthenticationPrincipal StaffMember person, Model model) {
        model.addAttribute("plans", plans.ledBy(person.getUsername()));
        model.addAttribute("today", calendar.today());
        model.addAttribute("soon", calendar.dateOf(calendar.addWorkingDays(
                calendar.today().atStartOfDay(calendar.zone()).toInstant(), 2)));
        return CASES_VIEW;
    }
}
