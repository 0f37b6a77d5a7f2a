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
    private final org.tessa.shared.ColumnSizes columns;

    AuditLog(JdbcClient jdbc, Clock clock, org.tessa.shared.ColumnSizes columns) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.columns = columns;
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

    /**
     * Records that {@code username} was shown a list of records (every child's name on it is a read): which
     * list, and how many it showed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordListing(String username, String recordType, String scope, String purpose) {
        record(username, "LIST", recordType, scope, purpose);
    }

    /**
     * Records that {@code username} asked for a record they may not read. In a transaction of its own, so that the
     * refusal (which rolls the request back and answers as if the record did not exist) still leaves its trace.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefusal(String username, String recordType, String recordReference, String purpose) {
        record(username, "REFUSED", recordType, recordReference, purpose);
    }

    /**
     * The entries that match, newest first, at most {@code limit}: by person, by the records named (the
     * enquiries about one child, say), and from and to a moment; a criterion left null matches everything.
     */
    @Transactional
    public List<AuditEvent> search(String searchedBy, String username, java.util.Collection<String> recordReferences,
            OffsetDateTime from, OffsetDateTime to, int limit) {
        List<AuditEvent> found = find(username, recordReferences, from, to, limit);
        recordListing(searchedBy, "AUDIT_LOG", "search", "Searched the audit log: " + found.size() + " entries");
        return found;
    }

    private List<AuditEvent> find(String username, java.util.Collection<String> recordReferences,
            OffsetDateTime from, OffsetDateTime to, int limit) {
        StringBuilder sql = new StringBuilder("""
                select occurred_at, username, action, record_type, record_reference, purpose from audit_event where 1 = 1""");
        List<Object> params = new java.util.ArrayList<>();
        if (username != null) {
            sql.append(" and username = ?");
            params.add(username);
        }
        if (recordReferences != null) {
            if (recordReferences.isEmpty()) {
                return List.of();
            }
            sql.append(" and record_reference in (").append(String.join(", ",
                    java.util.Collections.nCopies(recordReferences.size(), "?"))).append(")");
            params.addAll(recordReferences);
        }
        if (from != null) {
            sql.append(" and occurred_at >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" and occurred_at < ?");
            params.add(to);
        }
        sql.append(" order by id desc limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(AuditEvent.class).list();
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
                        recordType, recordReference, shortened(purpose, columns.of("audit_event", "purpose")))
                .update();
    }

    /**
     * The purpose as its column holds it: a purpose that quotes what someone typed (a name of 200 characters, say)
     * is cut short with an ellipsis, whole characters only, rather than failing the change it records.
     */
    static String shortened(String purpose, int limit) {
        if (purpose == null || purpose.length() <= limit) {
            return purpose;
        }
        int end = limit - 1;
        if (Character.isHighSurrogate(purpose.charAt(end - 1))) {
            end--;
        }
        return purpose.substring(0, end) + "…";
    }
}
