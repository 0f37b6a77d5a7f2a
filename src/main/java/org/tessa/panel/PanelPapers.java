package org.tessa.panel;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.EnquiryUpdates;
import org.tessa.plan.PlanService;
import org.tessa.people.Role;
import org.tessa.people.StaffMember;
import org.tessa.shared.RecordNotFoundException;
import org.tessa.signposting.SignpostService;
import org.tessa.triage.TriageService;

/**
 * The papers the panel reads about a case. Only panel members, administrators and the case's lead
 * professional may have them; anyone else is answered as if there were none. Every read is audited.
 */
@Service
public class PanelPapers {

    private final PanelService panel;
    private final PlanService plans;
    private final PanelQuestions questions;
    private final EnquiryService enquiries;
    private final TriageService triage;
    private final SignpostService signposts;
    private final EnquiryUpdates updates;

    PanelPapers(PanelService panel, PlanService plans, PanelQuestions questions, EnquiryService enquiries,
            TriageService triage, SignpostService signposts, EnquiryUpdates updates) {
        this.updates = updates;
        this.panel = panel;
        this.plans = plans;
        this.questions = questions;
        this.enquiries = enquiries;
        this.triage = triage;
        this.signposts = signposts;
    }

    @Transactional
    public CasePapers forCase(String reference, StaffMember reader, String purpose) {
        boolean entitled = reader.hasRole(Role.PANEL_MEMBER) || reader.hasRole(Role.ADMIN)
                || plans.find(reference).map(plan -> reader.getUsername().equals(plan.leadProfessional())).orElse(false);
        if (!entitled) {
            throw new RecordNotFoundException("Panel papers for " + reference);
        }
        return new CasePapers(enquiries.read(reference, reader, purpose), triage.decisionFor(reference),
                signposts.signpostsFor(reference), enquiries.knownChild(reference, reader),
                updates.addedInformation(reference),
                questions.questionsAbout(reference), panel.decisionsFor(reference));
    }
}
