package org.tessa.triage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tessa.enquiry.EnquiryService;
import org.tessa.people.StaffMember;
import org.tessa.shared.RecordNotFoundException;
import org.tessa.signposting.PortalRegistry;

/** The duty manager's triage decision on an enquiry, for council staff. */
@Controller
@PreAuthorize("hasAnyRole('DUTY_MANAGER','PANEL_MEMBER','ADMIN')")
class TriageDecisionController {

    static final String DECISION_VIEW = "triage/decision";

    private final TriageService triage;
    private final EnquiryService enquiries;
    private final PortalRegistry portals;

    TriageDecisionController(TriageService triage, EnquiryService enquiries, PortalRegistry portals) {
        this.triage = triage;
        this.enquiries = enquiries;
        this.portals = portals;
    }

    @GetMapping("/enquiries/{reference}/triage")
    String decision(@PathVariable String reference, @AuthenticationPrincipal StaffMember person, Model model) {
        model.addAttribute("enquiry", enquiries.read(reference, person, "Viewed triage decision"));
        TriageDecision decision = triage.decisionFor(reference)
                .orElseThrow(() -> new RecordNotFoundException("Triage decision for " + reference));
        model.addAttribute("decision", decision);
        model.addAttribute("signposts", decision.signposts().stream().map(portals::nameOf).toList());
        return DECISION_VIEW;
    }
}
