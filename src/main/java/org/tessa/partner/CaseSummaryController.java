package org.tessa.partner;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.EnquiryUpdates;
import org.tessa.plan.PlanService;
import org.tessa.people.StaffMember;
import org.tessa.shared.WorkingDayCalendar;

/**
 * "Tell it once": one summary of a case, the same for everyone entitled to it (the school, council staff,
 * the lead professional and the partners who hold or held a task on it), so that nobody asks the family
 * again for what is here. Panel deliberations are not on it.
 */
@Controller
class CaseSummaryController {

    static final String SUMMARY_VIEW = "partner/case-summary";

    private final EnquiryService enquiries;
    private final PlanService plans;
    private final WorkingDayCalendar calendar;
    private final EnquiryUpdates updates;

    CaseSummaryController(EnquiryService enquiries, PlanService plans, WorkingDayCalendar calendar,
            EnquiryUpdates updates) {
        this.updates = updates;
        this.enquiries = enquiries;
        this.plans = plans;
        this.calendar = calendar;
    }

    @GetMapping("/cases/{reference}")
    String summary(@PathVariable String reference, @AuthenticationPrincipal StaffMember person, Model model) {
        model.addAttribute("enquiry", enquiries.read(reference, person, "Viewed case summary"));
        model.addAttribute("plan", plans.find(reference).orElse(null));
        model.addAttribute("addedInformation", updates.addedInformation(reference));
        model.addAttribute("today", calendar.today());
        return SUMMARY_VIEW;
    }
}
