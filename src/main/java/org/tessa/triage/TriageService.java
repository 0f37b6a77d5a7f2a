package org.tessa.triage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.audit.AuditLog;
import org.tessa.caserecord.CaseEvent;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.Detail;
import org.tessa.caserecord.NewCaseEvent;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.ReferrerResponses;
import org.tessa.signposting.PortalRegistry;
import org.tessa.signposting.SignpostService;

/** Records triage decisions and acts on them: closes with advice, signposts, or refers to the panel. */
@Service
public class TriageService {

    private final JdbcClient jdbc;
    private final EnquiryService enquiries;
    private final ReferrerResponses responses;
    private final SignpostService signposting;
    private final PortalRegistry portals;
    private final TriageRules rules;
    private final AuditLog audit;
    private final CaseRecord caseRecord;
    private final Clock clock;

    TriageService(JdbcClient jdbc, EnquiryService enquiries, ReferrerResponses responses, SignpostService signposting,
            PortalRegistry portals, AuditLog audit, CaseRecord caseRecord, Clock clock) {
        this.caseRecord = caseRecord;
        this.jdbc = jdbc;
        this.enquiries = enquiries;
        this.responses = responses;
        this.signposting = signposting;
        this.portals = portals;
        this.rules = new TriageRules(portals);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Saves the decision and moves the enquiry on; runs in the transaction that completes the triage task,
     * so a decision that breaks the safeguarding and consent rules completes nothing.
     */
    @Transactional
    public TriageDecision decide(String reference, TriageOutcome outcome, String advice, LevelOfNeed levelOfNeed,
            List<String> signposts, String sharingWithoutConsent, String decidedBy) {
        var decision = new TriageDecision(reference, outcome, advice, levelOfNeed, List.copyOf(signposts),
                blankToNull(sharingWithoutConsent), decidedBy, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        rules.check(decision, enquiries.sharingPosition(reference));
        save(decision);
        audit.recordChange(decidedBy, "ENQUIRY", reference, "Triaged: " + outcome);
        caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.TRIAGE_DECIDED, decidedBy,
                        "Triaged: " + outcome.label() + ". Level of need: " + levelOfNeed.label() + ".")
                .detail(Detail.TRIAGE_OUTCOME, outcome).detail("levelOfNeed", levelOfNeed)
                .link("/enquiries/" + reference + "/triage"));
        switch (outcome) {
            case ADVICE_GIVEN -> responses.record(reference, "Advice about your enquiry", TriageLetters.advice(decision));
            case SIGNPOSTED -> {
                signposting.plan(reference, decision.signposts(), decision.sharingWithoutConsent());
                responses.record(reference, "Advice about your enquiry", TriageLetters.signposted(decision,
                        decision.signposts().stream().map(portals::nameOf).toList()));
            }
            case REFER_TO_PANEL ->
                    responses.record(reference, "Advice about your enquiry", TriageLetters.referredToPanel(decision));
        }
        return decision;
    }

    /** A duty manager picked up the triage task; recorded once however often the engine reports it. */
    @Transactional
    public void claimed(String reference, String dutyManager) {
        if (!lastClaimedBy(reference).filter(dutyManager::equals).isPresent()) {
            caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.TRIAGE_CLAIMED, dutyManager,
                    "A duty manager started to triage the enquiry"));
        }
    }

    /** The duty manager put the triage task back in the queue. */
    @Transactional
    public void returnedToQueue(String reference) {
        lastClaimedBy(reference).ifPresent(dutyManager -> caseRecord.append(NewCaseEvent.of(reference,
                CaseEventKind.TRIAGE_RETURNED, dutyManager, "The enquiry went back to the triage queue")));
    }

    /** Who holds the triage task, as the case record tells it. */
    private Optional<String> lastClaimedBy(String reference) {
        return caseRecord.eventsAbout(reference).stream()
                .filter(event -> event.kind() == CaseEventKind.TRIAGE_CLAIMED || event.kind() == CaseEventKind.TRIAGE_RETURNED)
                .reduce((first, second) -> second)
                .filter(last -> last.kind() == CaseEventKind.TRIAGE_CLAIMED)
                .map(CaseEvent::by);
    }

    /** Checks a decision against the safeguarding and consent rules without saving anything. */
    @Transactional(readOnly = true)
    public void checkRules(String reference, TriageOutcome outcome, List<String> signposts, String sharingWithoutConsent) {
        rules.check(new TriageDecision(reference, outcome, null, null, List.copyOf(signposts),
                blankToNull(sharingWithoutConsent), null, null), enquiries.sharingPosition(reference));
    }

    @Transactional(readOnly = true)
    public Optional<TriageDecision> decisionFor(String reference) {
        List<String> signposts = jdbc.sql("select portal from triage_signpost where enquiry_reference = ? order by portal")
                .param(reference).query(String.class).list();
        return jdbc.sql("""
                select enquiry_reference, outcome, advice, level_of_need, sharing_without_consent, decided_by, decided_at
                from triage_decision where enquiry_reference = ?""")
                .param(reference)
                .query((rs, row) -> new TriageDecision(rs.getString("enquiry_reference"),
                        TriageOutcome.valueOf(rs.getString("outcome")), rs.getString("advice"),
                        LevelOfNeed.valueOf(rs.getString("level_of_need")), signposts,
                        rs.getString("sharing_without_consent"), rs.getString("decided_by"),
                        rs.getObject("decided_at", OffsetDateTime.class)))
                .optional();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void save(TriageDecision decision) {
        jdbc.sql("""
                insert into triage_decision (enquiry_reference, outcome, advice, level_of_need, sharing_without_consent,
                    decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(decision.enquiryReference(), decision.outcome().name(), decision.advice(),
                        decision.levelOfNeed().name(), decision.sharingWithoutConsent(), decision.decidedBy(),
                        decision.decidedAt())
                .update();
        for (String portal : decision.signposts()) {
            jdbc.sql("insert into triage_signpost (enquiry_reference, portal) values (?, ?)")
                    .params(decision.enquiryReference(), portal).update();
        }
    }
}
