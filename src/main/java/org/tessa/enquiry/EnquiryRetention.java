package org.tessa.enquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.shared.PersonalData;

/**
 * Which closed enquiries the retention schedule now reaches, and anonymising one: the enquiry keeps its
 * reference, school, concerns, channel, dates, status and outcome, and whether it was a re-referral, so every
 * figure stays; the child's name, date of birth and UPN, the school's summary and the letters' words go. The
 * referrer's name and contact details stay: they are the school's, not the child's.
 */
@Service
public class EnquiryRetention {

    /** How an anonymised child is named wherever a name is shown (lists, the task list, the chronology). */
    public static final String FIRST_NAME = "Anonymised";
    public static final String LAST_NAME = "child";

    private final JdbcClient jdbc;
    private final ReceivedEnquiries received;

    EnquiryRetention(JdbcClient jdbc, ReceivedEnquiries received) {
        this.jdbc = jdbc;
        this.received = received;
    }

    /**
     * Closed or withdrawn enquiries, not yet anonymised, about a child born on or before {@code bornOnOrBefore},
     * with nothing recorded on them since {@code quietSince}: the oldest first, at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<String> due(LocalDate bornOnOrBefore, Instant quietSince, int limit) {
        return jdbc.sql("""
                select e.reference from enquiry e
                where e.status in ('CLOSED', 'WITHDRAWN') and e.anonymised_at is null
                  and e.child_date_of_birth <= :born
                  and not exists (select 1 from case_event c
                                  where c.enquiry_reference = e.reference and c.occurred_at > :quietSince)
                order by e.received_at, e.id
                fetch first %d rows only""".formatted(limit))
                .param("born", bornOnOrBefore)
                .param("quietSince", quietSince.atOffset(ZoneOffset.UTC))
                .query(String.class).list();
    }

    /**
     * Anonymises the enquiry itself, first, in the caller's transaction: the case record's trigger lets its
     * events' words go only once the enquiry says it is anonymised.
     *
     * @return false if it was anonymised already (by another node), and nothing was done
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean anonymise(String reference, Instant at) {
        OffsetDateTime receivedAt = jdbc.sql("select received_at from enquiry where reference = ? and anonymised_at is null for update")
                .param(reference).query(OffsetDateTime.class).optional().orElse(null);
        if (receivedAt == null) {
            return false;
        }
        received.settleBeforeAnonymising(reference, receivedAt);
        jdbc.sql("""
                update enquiry set anonymised_at = ?, child_first_name = ?, child_last_name = ?,
                    child_date_of_birth = null, child_upn = null, summary = ?
                where reference = ?""")
                .params(at.atOffset(ZoneOffset.UTC), FIRST_NAME, LAST_NAME, PersonalData.REMOVED, reference).update();
        jdbc.sql("""
                update referrer_response set body = ?
                where enquiry_id = (select id from enquiry where reference = ?)""")
                .params(PersonalData.REMOVED, reference).update();
        return true;
    }
}
