package org.tessa.triage;

import java.util.ArrayList;
import java.util.List;

import org.tessa.enquiry.SharingPosition;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.signposting.Portal;
import org.tessa.signposting.PortalRegistry;

/**
 * The safeguarding and consent rules a triage decision must meet: a child who may be at immediate risk
 * goes to the MASH; a MASH referral without the family's consent needs the reason recorded.
 */
final class TriageRules {

    private final PortalRegistry portals;

    TriageRules(PortalRegistry portals) {
        this.portals = portals;
    }

    void check(TriageDecision decision, SharingPosition sharing) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean toMash = decision.signposts().stream().map(portals::find)
                .anyMatch(portal -> portal.map(Portal::safeguarding).orElse(false));
        if (sharing.immediateRisk() && decision.outcome() != TriageOutcome.SIGNPOSTED) {
            problems.add(new FieldProblem("triageOutcome", "The school said this child may be at immediate risk "
                    + "of harm: choose 'Signposted to another service' and include the MASH"));
        } else if (sharing.immediateRisk() && !toMash) {
            problems.add(new FieldProblem("signpostTo", "The school said this child may be at immediate risk "
                    + "of harm: include the MASH (multi-agency safeguarding hub)"));
        }
        if (toMash && !sharing.consentGiven() && decision.sharingWithoutConsent() == null) {
            problems.add(new FieldProblem("sharingWithoutConsent", "The family has not consented: record why the "
                    + "child may be at risk of significant harm before referring to the MASH"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
    }
}
