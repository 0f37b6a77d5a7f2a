package org.tessa.panel;

import java.util.List;
import java.util.Optional;

import org.tessa.caserecord.CaseEvent;
import org.tessa.enquiry.EnquiryRecord;
import org.tessa.enquiry.KnownChild;
import org.tessa.signposting.Signpost;
import org.tessa.triage.TriageDecision;

/** Everything the panel reads about one case on its agenda. */
public record CasePapers(EnquiryRecord enquiry, Optional<TriageDecision> triage, List<Signpost> signposts,
        KnownChild knownChild, List<CaseEvent> addedInformation, List<PanelQuestion> questions,
        List<PanelDecision> earlierDecisions) {
}
