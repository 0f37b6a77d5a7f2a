package org.tessa.triage;

import java.util.List;
import java.util.stream.Collectors;

/** What the referrer is told after triage, in plain words with every acronym explained. */
final class TriageLetters {

    private TriageLetters() {
    }

    static String signposted(TriageDecision decision, List<String> portalNames) {
        return """
                A duty manager has looked at your enquiry %s. This is their advice:

                %s

                Level of need: %s, meaning %s.

                We are signposting the enquiry to:
                %s

                We will write again when each of these is done, with what you need to do or what we have \
                already sent for you. If a child is at immediate risk of harm, phone the MASH (multi-agency \
                safeguarding hub) or 999 now.""".formatted(
                decision.enquiryReference(), decision.advice(), decision.levelOfNeed().label(),
                decision.levelOfNeed().meaning(),
                portalNames.stream().map(name -> "- " + name).collect(Collectors.joining("\n")));
    }

    static String referredToPanel(TriageDecision decision) {
        return """
                A duty manager has looked at your enquiry %s and referred it to the Ways Forward Panel (WFP), \
                which agrees support for children who need several services or specialist help. It will be on \
                the agenda of the panel's next meeting. The panel may ask you for more information on your view \
                of the enquiry, and we will write with its decision.

                Level of need: %s, meaning %s.

                Until the panel meets, this is what the duty manager suggests you do:

                %s

                If a child is at immediate risk of harm, phone the MASH (multi-agency safeguarding hub) or 999 \
                now.""".formatted(decision.enquiryReference(), decision.levelOfNeed().label(),
                decision.levelOfNeed().meaning(), decision.advice());
    }

    static String advice(TriageDecision decision) {
        return """
                A duty manager has looked at your enquiry %s. This is their advice:

                %s

                Level of need: %s, meaning %s.

                We have closed the enquiry. If things change, or you are still worried, call the TESSA \
                (triage, education, school support and advice) hotline or raise a new enquiry. If a child \
                is at immediate risk of harm, phone the MASH (multi-agency safeguarding hub) or 999 now.""".formatted(
                decision.enquiryReference(), decision.advice(), decision.levelOfNeed().label(),
                decision.levelOfNeed().meaning());
    }
}
