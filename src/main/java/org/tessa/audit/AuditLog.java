package org.tessa.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The record of who read or changed which child's record, when and why. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code username} read a record. Joins the caller's transaction, so a failed read leaves no trace and no read goes unrecorded. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordRead(String username, String recordType, String recordReference, String purpose) {
        record(username, "READ", recordType, recordReference, purpose);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordChange(String username, String recordType, String recordReference, String purpose) {
        record(username, "CHANGE", recordType, recordReference, purpose);
    }

    public List<AuditEvent> eventsFor(String recordType, String recordReference) {
        return jdbc.sql("""
                select occurred_at, username, action, record_type, record_reference, purpose
                from audit_event where record_type = ? and record_reference = ? order by id""")
                .params(recordType, recordReference)
                .query(AuditEvent.class).list();
    }

    private void record(String username, String action, String recordType, String recordReference, String purpose) {
        jdbc.sql("""
                insert into audit_event (occurred_at, username, action, record_type, record_reference, purpose)
                values (?, ?, ?, ?, ?, ?)""")
                .params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), username, action,
                        recordType, recordReference, purpose)
                .update();
    }
}
