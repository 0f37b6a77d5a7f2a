package org.tessa.enquiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.tessa.people.School;
import org.tessa.shared.Outbox;

/** The enquiry tables. Only the enquiry feature reads or writes them. */
@Repository
class EnquiryRepository {

    private static final String SELECT_ENQUIRY = """
            select e.*, s.urn as school_urn, s.name as school_name
            from enquiry e join school s on s.id = e.school_id
            """;

    private final JdbcClient jdbc;
    /** For what JdbcClient cannot do: several rows in one round trip. */
    private final JdbcTemplate batches;
    private final Outbox outbox;

    EnquiryRepository(JdbcClient jdbc, JdbcTemplate batches, Outbox outbox) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.outbox = outbox;
    }

    /** Saves a new enquiry and its concerns; returns its id. */
    long insert(String reference, School school, NewEnquiry enquiry, Channel channel, EnquiryStatus status,
            OffsetDateTime receivedAt, String loggedBy, String idempotencyKey) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into enquiry (reference, school_id, child_first_name, child_last_name,
                    child_date_of_birth, child_upn, child_year_group, summary, immediate_risk, consent,
                    referrer_name, referrer_role, referrer_email, referrer_phone, channel, status,
                    received_at, logged_by, idempotency_key)
                values (:reference, :school, :firstName, :lastName, :dateOfBirth, :upn, :yearGroup, :summary,
                    :immediateRisk, :consent, :referrerName, :referrerRole, :referrerEmail, :referrerPhone,
                    :channel, :status, :receivedAt, :loggedBy, :idempotencyKey)""")
                .param("reference", reference)
                .param("school", school.id())
                .param("firstName", enquiry.child().firstName())
                .param("lastName", enquiry.child().lastName())
                .param("dateOfBirth", enquiry.child().dateOfBirth())
                .param("upn", enquiry.child().upn())
                .param("yearGroup", enquiry.child().yearGroup())
                .param("summary", enquiry.summary())
                .param("immediateRisk", enquiry.immediateRisk())
                .param("consent", enquiry.consent().name())
                .param("referrerName", enquiry.referrer().name())
                .param("referrerRole", enquiry.referrer().role())
                .param("referrerEmail", enquiry.referrer().email())
                .param("referrerPhone", enquiry.referrer().phone())
                .param("channel", channel.name())
                .param("status", status.name())
                .param("receivedAt", receivedAt)
                .param("loggedBy", loggedBy)
                .param("idempotencyKey", idempotencyKey)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        batches.batchUpdate("insert into enquiry_concern (enquiry_id, concern) values (?, ?)",
                enquiry.concerns().stream().map(concern -> new Object[] {id, concern.name()}).toList());
        return id;
    }

    Optional<String> referenceForIdempotencyKey(String loggedBy, String idempotencyKey) {
        return jdbc.sql("select reference from enquiry where logged_by = ? and idempotency_key = ?")
                .params(loggedBy, idempotencyKey).query(String.class).optional();
    }

    Optional<EnquiryRecord> find(String reference) {
        return jdbc.sql(SELECT_ENQUIRY + " where e.reference = ?").param(reference)
                .query((rs, row) -> mapRecord(rs)).optional();
    }

    /** What a task list shows about the enquiry: one small read, on every task created. */
    Optional<TaskCard> taskCard(String reference) {
        return jdbc.sql("""
                select e.child_first_name, e.child_last_name, e.immediate_risk, s.name as school_name,
                    array(select c.concern from enquiry_concern c where c.enquiry_id = e.id) as concerns
                from enquiry e join school s on s.id = e.school_id where e.reference = ?""")
                .param(reference)
                .query((rs, row) -> new TaskCard(rs.getString("child_first_name") + " " + rs.getString("child_last_name"),
                        rs.getString("school_name"), Arrays.stream((Object[]) rs.getArray("concerns").getArray())
                                .map(concern -> Concern.valueOf((String) concern).label()).sorted()
                                .collect(Collectors.joining(", ")), rs.getBoolean("immediate_risk")))
                .optional();
    }

    /** The school an enquiry belongs to, for access checks that need nothing else. */
    Optional<Long> schoolOf(String reference) {
        return jdbc.sql("select school_id from enquiry where reference = ?").param(reference)
                .query(Long.class).optional();
    }

    /** The references of the enquiries about every child whose full name contains {@code name}, any case. */
    List<String> referencesAboutChildNamed(String name) {
        String literal = name.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return jdbc.sql("""
                select reference from enquiry
                where lower(child_first_name || ' ' || child_last_name) like ? escape '!'""")
                .param("%" + literal + "%")
                .query(String.class).list();
    }

    List<EnquirySummary> summaries(Optional<Long> schoolId) {
        return jdbc.sql("""
                select e.reference, s.name as school_name, e.child_first_name, e.child_last_name,
                    e.immediate_risk, e.status, e.outcome, e.received_at, e.overdue_reason
                from enquiry e join school s on s.id = e.school_id
                where (:school is null or e.school_id = :school)
                order by e.received_at desc, e.id desc""")
                .param("school", schoolId.orElse(null), java.sql.Types.BIGINT)
                .query((rs, row) -> new EnquirySummary(rs.getString("reference"), rs.getString("school_name"),
                        rs.getString("child_first_name") + " " + rs.getString("child_last_name"),
                        rs.getBoolean("immediate_risk"), EnquiryStatus.valueOf(rs.getString("status")),
                        outcome(rs), rs.getObject("received_at", OffsetDateTime.class), rs.getString("overdue_reason")))
                .list();
    }

    /** Enquiries that might be about the same child: the same date of birth or the same UPN. */
    List<Candidate> possiblySameChild(LocalDate dateOfBirth, String upn) {
        return jdbc.sql("""
                select e.reference, e.child_first_name, e.child_last_name, e.child_date_of_birth, e.child_upn,
                    e.school_id, s.name as school_name, e.received_at, e.status, e.outcome
                from enquiry e join school s on s.id = e.school_id
                where e.child_date_of_birth = :dateOfBirth or e.child_upn = :upn
                order by e.received_at desc""")
                .param("dateOfBirth", dateOfBirth)
                .param("upn", upn == null ? "" : upn)
                .query((rs, row) -> new Candidate(
                        new ChildMatching.ChildOnRecord(rs.getString("child_first_name"), rs.getString("child_last_name"),
                                rs.getObject("child_date_of_birth", LocalDate.class), rs.getString("child_upn"),
                                rs.getLong("school_id")),
                        new EarlierEnquiry(rs.getString("reference"), rs.getString("school_name"),
                                rs.getObject("received_at", OffsetDateTime.class),
                                EnquiryStatus.valueOf(rs.getString("status")), outcome(rs))))
                .list();
    }

    record Candidate(ChildMatching.ChildOnRecord child, EarlierEnquiry enquiry) {
    }

    /**
     * An enquiry received between two moments, with the child's identity for matching (none once anonymised) and
     * whether it is a re-referral when that was settled before an anonymisation.
     */
    record Received(long id, ChildMatching.ChildOnRecord child, Boolean settledReReferral, ReceivedEnquiry enquiry) {

        boolean anonymised() {
            return child.dateOfBirth() == null;
        }
    }

    /** Every enquiry received in [from, to), oldest first, with its school and concerns, in two queries. */
    List<Received> receivedBetween(OffsetDateTime from, OffsetDateTime to) {
        Map<Long, Set<Concern>> concerns = new HashMap<>();
        jdbc.sql("""
                select c.enquiry_id, c.concern from enquiry_concern c join enquiry e on e.id = c.enquiry_id
                where e.received_at >= ? and e.received_at < ?""")
                .params(from, to)
                .query(rs -> {
                    concerns.computeIfAbsent(rs.getLong("enquiry_id"), id -> EnumSet.noneOf(Concern.class))
                            .add(Concern.valueOf(rs.getString("concern")));
                });
        return jdbc.sql("""
                select e.id, e.reference, e.received_at, e.school_id, s.name as school_name, e.channel,
                    e.immediate_risk, e.status, e.outcome, e.child_first_name, e.child_last_name,
                    e.child_date_of_birth, e.child_upn, e.re_referral
                from enquiry e join school s on s.id = e.school_id
                where e.received_at >= ? and e.received_at < ? order by e.received_at, e.id""")
                .params(from, to)
                .query((rs, row) -> new Received(rs.getLong("id"),
                        new ChildMatching.ChildOnRecord(rs.getString("child_first_name"), rs.getString("child_last_name"),
                                rs.getObject("child_date_of_birth", LocalDate.class), rs.getString("child_upn"),
                                rs.getLong("school_id")),
                        rs.getObject("re_referral", Boolean.class),
                        new ReceivedEnquiry(rs.getString("reference"), rs.getObject("received_at", OffsetDateTime.class),
                                rs.getLong("school_id"), rs.getString("school_name"), Channel.valueOf(rs.getString("channel")),
                                Set.copyOf(concerns.getOrDefault(rs.getLong("id"), Set.of())),
                                rs.getBoolean("immediate_risk"), EnquiryStatus.valueOf(rs.getString("status")),
                                outcome(rs), false)))
                .list();
    }

    /** Fixes whether the enquiry is a re-referral, once, before its child is forgotten. */
    void settleReReferral(long id, boolean reReferral) {
        jdbc.sql("update enquiry set re_referral = ? where id = ? and re_referral is null").params(reReferral, id).update();
    }

    /** Every enquiry's reference and status, oldest first. */
    List<ReferenceAndStatus> statuses() {
        return jdbc.sql("select reference, status from enquiry order by id")
                .query((rs, row) -> new ReferenceAndStatus(rs.getString("reference"),
                        EnquiryStatus.valueOf(rs.getString("status"))))
                .list();
    }

    record ReferenceAndStatus(String reference, EnquiryStatus status) {
    }

    /** Writes the status derived from the case record; see {@link EnquiryStatusProjection}. */
    void updateStatus(String reference, EnquiryStatus status, EnquiryOutcome outcome, String overdueReason) {
        jdbc.sql("update enquiry set status = ?, outcome = ?, overdue_reason = ? where reference = ?")
                .params(status.name(), outcome == null ? null : outcome.name(), overdueReason, reference).update();
    }

    private EnquiryRecord mapRecord(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new EnquiryRecord(
                rs.getString("reference"),
                new School(rs.getLong("school_id"), rs.getString("school_urn"), rs.getString("school_name")),
                new EnquiryRecord.Child(rs.getString("child_first_name"), rs.getString("child_last_name"),
                        rs.getObject("child_date_of_birth", LocalDate.class), rs.getString("child_upn"),
                        rs.getString("child_year_group")),
                concerns(id),
                rs.getString("summary"),
                rs.getBoolean("immediate_risk"),
                Consent.valueOf(rs.getString("consent")),
                new EnquiryRecord.Referrer(rs.getString("referrer_name"), rs.getString("referrer_role"),
                        rs.getString("referrer_email"), rs.getString("referrer_phone")),
                Channel.valueOf(rs.getString("channel")),
                EnquiryStatus.valueOf(rs.getString("status")),
                outcome(rs),
                rs.getObject("received_at", OffsetDateTime.class),
                rs.getString("overdue_reason"),
                responses(id),
                rs.getObject("anonymised_at", OffsetDateTime.class));
    }

    private Set<Concern> concerns(long enquiryId) {
        Set<Concern> concerns = EnumSet.noneOf(Concern.class);
        jdbc.sql("select concern from enquiry_concern where enquiry_id = ?").param(enquiryId)
                .query(String.class).list().forEach(c -> concerns.add(Concern.valueOf(c)));
        return concerns;
    }

    /** A response was emailed when its outbox letter was sent, or (before the outbox) at its own emailed_at. */
    private List<ReferrerResponse> responses(long enquiryId) {
        return jdbc.sql("""
                select subject, body, sent_to, created_at, emailed_at, letter_id from referrer_response
                where enquiry_id = ? order by id""")
                .param(enquiryId)
                .query((rs, row) -> {
                    long letterId = rs.getLong("letter_id");
                    OffsetDateTime emailedAt = rs.wasNull() ? rs.getObject("emailed_at", OffsetDateTime.class)
                            : outbox.sentAt(letterId).orElse(null);
                    return new ReferrerResponse(rs.getString("subject"), rs.getString("body"), rs.getString("sent_to"),
                            rs.getObject("created_at", OffsetDateTime.class), emailedAt);
                })
                .list();
    }

    private static EnquiryOutcome outcome(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return outcome == null ? null : EnquiryOutcome.valueOf(outcome);
    }
}
