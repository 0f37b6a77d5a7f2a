package org.tessa.signposting;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.Detail;
import org.tessa.caserecord.NewCaseEvent;
import org.tessa.enquiry.EnquiryRecord;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.ReferrerResponses;
import org.tessa.enquiry.SharingPosition;
import org.tessa.shared.ConflictException;
import org.tessa.shared.RecordNotFoundException;
import org.tessa.shared.Timescales;

/**
 * Carries out signposts: guidance for the school, referrals TESSA sends itself, and for the MASH the
 * wait for its decision. Each step is recorded on the signpost, so the school and staff can see it.
 */
@Service
public class SignpostService {

    private final JdbcClient jdbc;
    private final PortalRegistry portals;
    private final PortalClient client;
    private final EnquiryService enquiries;
    private final ReferrerResponses responses;
    private final RuntimeService runtime;
    private final Timescales timescales;
    private final CaseRecord caseRecord;
    private final Clock clock;

    SignpostService(JdbcClient jdbc, PortalRegistry portals, PortalClient client, EnquiryService enquiries,
            ReferrerResponses responses, RuntimeService runtime, Timescales timescales, CaseRecord caseRecord, Clock clock) {
        this.caseRecord = caseRecord;
        this.jdbc = jdbc;
        this.portals = portals;
        this.client = client;
        this.enquiries = enquiries;
        this.responses = responses;
        this.runtime = runtime;
        this.timescales = timescales;
        this.clock = clock;
    }

    /**
     * Records the portals triage chose, with the reason for sharing without the family's consent where
     * there is one. The process then carries out each signpost.
     */
    @Transactional
    public void plan(String reference, List<String> portalCodes, String sharingWithoutConsent) {
        for (String code : portalCodes) {
            Portal portal = portals.get(code);
            jdbc.sql("""
                    insert into signpost (enquiry_reference, portal_code, mode, status, sharing_basis, created_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(reference, code, portal.mode().name(), SignpostStatus.PLANNED.name(), sharingWithoutConsent,
                            now())
                    .update();
            record(reference, CaseEventKind.SIGNPOST_MADE, null, code, "Signposted to " + portal.name());
        }
    }

    /**
     * Decides how the signpost is carried out. A referral to a portal other than the MASH without the
     * family's consent, and without a recorded lawful basis, becomes guidance only.
     */
    @Transactional
    public SignpostRoute prepare(String reference, String code) {
        Portal portal = portals.get(code);
        Signpost signpost = signpost(reference, code);
        SharingPosition sharing = enquiries.sharingPosition(reference);
        PortalMode mode = portal.mode();
        if (mode == PortalMode.REFERRAL && !portal.safeguarding() && !sharing.consentGiven()
                && isBlank(signpost.sharingBasis())) {
            mode = PortalMode.GUIDANCE;
        }
        jdbc.sql("update signpost set mode = ? where enquiry_reference = ? and portal_code = ?")
                .params(mode.name(), reference, code).update();
        return new SignpostRoute(mode, portal.safeguarding());
    }

    @Transactional
    public void recordGuidance(String reference, String code) {
        record(reference, CaseEventKind.GUIDANCE_GIVEN, null, code,
                "The school was given guidance on how to reach " + portals.nameOf(code));
    }

    /**
     * Sends the referral, once: the idempotency key is the enquiry reference and the portal, so a retry
     * after a timeout is recognised by the portal, and an acknowledged referral is never sent again.
     *
     * @return when the MASH decision is due, for a safeguarding portal; otherwise null
     */
    @Transactional
    public Instant sendReferral(String reference, String code) {
        Portal portal = portals.get(code);
        Signpost signpost = signpost(reference, code);
        if (signpost.acknowledgement() == null) {
            EnquiryRecord enquiry = enquiries.readForProcess(reference, "Referral to " + portal.name());
            String acknowledgement = client.refer(portal, reference + ":" + code, ReferralContent.of(enquiry, portal, signpost));
            jdbc.sql("update signpost set acknowledgement = ? where enquiry_reference = ? and portal_code = ?")
                    .params(acknowledgement, reference, code).update();
            caseRecord.append(event(reference, CaseEventKind.REFERRAL_SENT, null, code,
                    "Referral sent to " + portal.name() + ", which gave it the reference " + acknowledgement)
                    .detail(Detail.AWAITS_DECISION, portal.safeguarding()));
        }
        return portal.safeguarding() ? awaitDecision(reference, code) : null;
    }

    /** The duty manager made the MASH referral themselves (the MASH portal in GUIDANCE mode). */
    @Transactional
    public Instant recordMashConfirmation(String reference, String code, String mashReference, String dutyManager) {
        jdbc.sql("update signpost set acknowledgement = ? where enquiry_reference = ? and portal_code = ?")
                .params(mashReference, reference, code).update();
        record(reference, CaseEventKind.MASH_REFERRAL_CONFIRMED, dutyManager, code,
                "A duty manager made the referral to " + portals.nameOf(code) + ", reference " + mashReference);
        return awaitDecision(reference, code);
    }

    @Transactional
    public void awaitConfirmation(String reference, String code) {
        record(reference, CaseEventKind.MASH_REFERRAL_REQUESTED, null, code,
                "A duty manager is to make the referral to " + portals.nameOf(code) + " and record its reference");
    }

    @Transactional
    public void flagDecisionOverdue(String reference, String code) {
        record(reference, CaseEventKind.MASH_DECISION_OVERDUE, null, code,
                "The decision from " + portals.nameOf(code) + " is overdue: it was due within one working day");
    }

    @Transactional
    public void recordChase(String reference, String code, String note, String dutyManager) {
        jdbc.sql("update signpost set chase_note = ? where enquiry_reference = ? and portal_code = ?")
                .params(note, reference, code).update();
        record(reference, CaseEventKind.MASH_DECISION_CHASED, dutyManager, code,
                "Chased the decision from " + portals.nameOf(code) + ": " + note);
    }

    /**
     * The MASH reports its decision: recorded, and the waiting process goes on, in one transaction.
     * A decision nobody is waiting for is refused, and nothing is recorded.
     */
    @Transactional
    public void receiveDecision(String code, String reference, MashDecision decision, String decisionReference) {
        Signpost signpost = findSignpost(reference, code)
                .orElseThrow(() -> new RecordNotFoundException("Referral of enquiry " + reference + " to " + code));
        if (signpost.status() != SignpostStatus.AWAITING_DECISION) {
            throw new ConflictException("This referral is not waiting for a decision (it is: "
                    + signpost.status().label() + ").");
        }
        jdbc.sql("""
                update signpost set decision = ?, decision_reference = ?, decided_at = ?
                where enquiry_reference = ? and portal_code = ?""")
                .params(decision.name(), decisionReference, now(), reference, code)
                .update();
        boolean inTime = !signpost.decisionOverdue() && !now().isAfter(signpost.decisionDueAt());
        caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.MASH_DECISION_RECEIVED, null,
                        portals.nameOf(code) + " decided: " + decision.label() + (inTime ? "" : " (late)"))
                .detail(Detail.PORTAL, code).detail(Detail.PORTAL_NAME, portals.nameOf(code))
                .detail(Detail.IN_TIME, inTime).detail("decision", decision).link(signpostsLink(reference)));
        try {
            runtime.createMessageCorrelation(SignpostingProcess.MESSAGE_MASH_DECISION_RECEIVED)
                    .processInstanceBusinessKey(reference)
                    .processInstanceVariableEquals(SignpostingProcess.PORTAL, code)
                    .correlate();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            throw new ConflictException("This referral is not waiting for a decision.");
        }
    }

    @Transactional(readOnly = true)
    public List<Signpost> signpostsFor(String reference) {
        return jdbc.sql("select * from signpost where enquiry_reference = ? order by created_at, portal_code")
                .param(reference).query((rs, row) -> SignpostRows.map(rs, portals)).list();
    }

    /** Every signpost is done: the referrer is told what each one came to, and the enquiry closes. */
    @Transactional
    public void closeWithResponse(String reference) {
        responses.record(reference, "What happened to your enquiry", SignpostingLetters.outcome(reference,
                signpostsFor(reference)));
        caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.SIGNPOSTING_COMPLETED, null,
                "Every signpost is done, and the school has been told what each came to").link(signpostsLink(reference)));
    }

    private void record(String reference, CaseEventKind kind, String by, String code, String summary) {
        caseRecord.append(event(reference, kind, by, code, summary));
    }

    private NewCaseEvent event(String reference, CaseEventKind kind, String by, String code, String summary) {
        return NewCaseEvent.of(reference, kind, by, summary).detail(Detail.PORTAL, code)
                .detail(Detail.PORTAL_NAME, portals.nameOf(code)).link(signpostsLink(reference));
    }

    private static String signpostsLink(String reference) {
        return "/enquiries/" + reference + "/signposts";
    }

    private Instant awaitDecision(String reference, String code) {
        Instant due = timescales.dueFrom(clock.instant(), "mash-decision");
        jdbc.sql("update signpost set decision_due_at = ? where enquiry_reference = ? and portal_code = ?")
                .params(OffsetDateTime.ofInstant(due, ZoneOffset.UTC), reference, code).update();
        return due;
    }

    private Signpost signpost(String reference, String code) {
        return findSignpost(reference, code).orElseThrow();
    }

    private java.util.Optional<Signpost> findSignpost(String reference, String code) {
        return jdbc.sql("select * from signpost where enquiry_reference = ? and portal_code = ?")
                .params(reference, code).query((rs, row) -> SignpostRows.map(rs, portals)).optional();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** How the process carries out one signpost. */
    public record SignpostRoute(PortalMode mode, boolean safeguarding) {
    }

    /** What a referral shares: only the items the portal's configuration lists. */
    static final class ReferralContent {

        private ReferralContent() {
        }

        static Map<String, Object> of(EnquiryRecord enquiry, Portal portal, Signpost signpost) {
            Map<String, Object> referral = new LinkedHashMap<>();
            referral.put("enquiryReference", enquiry.reference());
            referral.put("portal", portal.code());
            for (SharedData item : portal.sharedData()) {
                switch (item) {
                    case CHILD -> referral.put("child", enquiry.child());
                    case SCHOOL -> referral.put("school", Map.of("urn", enquiry.school().urn(), "name", enquiry.school().name()));
                    case CONCERNS -> referral.put("concerns", enquiry.concerns());
                    case SUMMARY -> referral.put("summary", enquiry.summary());
                    case CONSENT -> {
                        referral.put("consent", enquiry.consent());
                        if (signpost.sharingBasis() != null) {
                            referral.put("sharingWithoutConsent", signpost.sharingBasis());
                        }
                    }
                    case REFERRER -> referral.put("referrer", enquiry.referrer());
                }
            }
            referral.put("immediateRisk", enquiry.immediateRisk());
            return referral;
        }
    }
}
