package org.tessa.enquiry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.shared.Mail;

/**
 * What the referrer is told about their enquiry. A response is recorded first (so the school sees it
 * on its view at once) and emailed afterwards by the process, which retries until the mail server takes it.
 */
@Service
public class ReferrerResponses {

    private final JdbcClient jdbc;
    private final Mail mailer;
    private final Clock clock;

    ReferrerResponses(JdbcClient jdbc, Mail mailer, Clock clock) {
        this.jdbc = jdbc;
        this.mailer = mailer;
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
     * Emails every response not yet emailed. Safe to repeat: a response is marked as emailed in the same
     * transaction, so a retry after a failure sends only what was not sent.
     */
    @Transactional
    public void deliverPending(String reference) {
        if (!mailer.canSend()) {
            return;
        }
        List<Pending> pending = jdbc.sql("""
                select r.id, r.subject, r.body, r.sent_to from referrer_response r
                join enquiry e on e.id = r.enquiry_id
                where e.reference = ? and r.emailed_at is null order by r.id""")
                .param(reference).query(Pending.class).list();
        for (Pending response : pending) {
            mailer.send(response.sentTo(), "[" + reference + "] " + response.subject(), response.body());
            jdbc.sql("update referrer_response set emailed_at = ? where id = ?")
                    .params(now(), response.id()).update();
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
