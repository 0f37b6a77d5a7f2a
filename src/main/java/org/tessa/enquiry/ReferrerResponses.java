package org.tessa.enquiry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.NewCaseEvent;
import org.tessa.shared.Outbox;

/**
 * What the referrer is told about their enquiry. A response is recorded first (so the school sees it
 * on its view at once); the process then posts it to the {@link Outbox}, which emails it once that step
 * has committed.
 */
@Service
public class ReferrerResponses {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final CaseRecord caseRecord;
    private final Clock clock;

    ReferrerResponses(JdbcClient jdbc, Outbox outbox, CaseRecord caseRecord, Clock clock) {
        this.caseRecord = caseRecord;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records a response to the enquiry's referrer, greeted by name; it is emailed by {@link #deliverPending}.
     */
    @Transactional
    public void record(String reference, String subject, String message) {
        Referrer referrer = jdbc.sql("select id, referrer_name, referrer_email from enquiry where reference = ?")
                .param(reference)
                .query((rs, row) -> new Referrer(rs.getLong("id"), rs.getString("referrer_name"), rs.getString("referrer_email")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("No enquiry " + reference + " to respond to"));
        String body = "Dear " + referrer.name() + ",\n\n" + message + "\n\nTESSA duty team";
        jdbc.sql("""
                insert into referrer_response (enquiry_id, subject, body, sent_to, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(referrer.enquiryId(), subject, body, referrer.email(), now()).update();
    }

    /**
     * Posts every response not yet posted to the outbox, in the caller's transaction: if that rolls back,
     * so do the letters, and a retry posts them again. Responses emailed before the outbox existed have
     * {@code emailed_at} and are left alone.
     */
    @Transactional
    public void deliverPending(String reference) {
        List<Pending> pending = jdbc.sql("""
                select r.id, r.subject, r.body, r.sent_to from referrer_response r
                join enquiry e on e.id = r.enquiry_id
                where e.reference = ? and r.letter_id is null and r.emailed_at is null order by r.id""")
                .param(reference).query(Pending.class).list();
        for (Pending response : pending) {
            long letterId = outbox.post(response.sentTo(), "[" + reference + "] " + response.subject(), response.body());
            jdbc.sql("update referrer_response set letter_id = ? where id = ?").params(letterId, response.id()).update();
            caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.LETTER_SENT, null,
                    "Sent to " + response.sentTo() + ": \u201c" + response.subject() + "\u201d")
                    .detail("letterId", letterId).link("/enquiries/" + reference));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private record Referrer(long enquiryId, String name, String email) {
    }

    private record Pending(long id, String subject, String body, String sentTo) {
    }
}
