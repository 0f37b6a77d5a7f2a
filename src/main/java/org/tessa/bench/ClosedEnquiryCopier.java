package org.tessa.bench;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a million closed enquiries affordable: copies the enquiries the benchmark really triaged and closed
 * (this year's, logged by its schools), with their domain rows and the engine's history rows, by
 * {@code INSERT ... SELECT} on PostgreSQL. Each copy gets a fresh reference in an earlier year (up to 999,999
 * a year, going back from last year), its timestamps moved back by as many years, fresh domain ids from the
 * tables' own sequences, and engine ids replaced by the MD5 of the id and the copy's number (the same for
 * the same id, and short enough for the engine's columns), so that every row a copy has points at the copy's
 * other rows, exactly as the original's do. Columns are read from the catalogue, so a column added
 * later is copied too; a new table that holds rows about an enquiry stops the copy rather than being missed.
 */
@Component
@Profile(Profiles.BENCH)
class ClosedEnquiryCopier {

    private static final Logger log = LoggerFactory.getLogger(ClosedEnquiryCopier.class);

    /** The domain tables an enquiry closed with advice has rows in, and how each row finds its enquiry. */
    private static final Set<String> COPIED = Set.of("enquiry", "enquiry_concern", "case_event", "triage_decision",
            "referrer_response", "outbox_letter", "audit_event", "work_item");
    /**
     * Engine columns that hold ids of rows belonging to one process instance: each becomes md5(id || suffix),
     * fresh and 32 characters whatever the original's length (activity instance ids already fill 64).
     */
    private static final Set<String> INSTANCE_IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_",
            "execution_id_", "act_inst_id_", "parent_act_inst_id_", "task_id_", "parent_task_id_", "call_proc_inst_id_",
            "super_process_instance_id_", "bytearray_id_", "var_inst_id_", "job_id_", "job_exception_stack_id_",
            "cause_incident_id_", "root_cause_incident_id_", "error_details_id_", "operation_id_", "scope_act_inst_id_");
    /** Engine columns that may hold the enquiry's reference (the business key, the enquiryReference variable). */
    private static final Set<String> REFERENCE_TEXT = Set.of("business_key_", "text_", "text2_");
    private static final int MAX_PER_YEAR = 999_999;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ClosedEnquiryCopier(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    long closedEnquiries() {
        return count("select count(*) from enquiry where status = 'CLOSED'");
    }

    /** Closed enquiries that went through the engine for real: this year's (copies live in earlier years). */
    long realClosedEnquiries() {
        return count("select count(*) from enquiry where status = 'CLOSED' and reference >= ?", thisYearPrefix());
    }

    /** Copies closed enquiries until {@code wanted} more exist, one pass over the originals per transaction. */
    long copy(long wanted) {
        long originals = count("select count(*) from enquiry where status = 'CLOSED' and reference >= ? "
                + "and logged_by like 'bench-school-%'", thisYearPrefix());
        if (originals == 0) {
            throw new IllegalStateException("No enquiries closed by the benchmark to copy: close some for real first");
        }
        long done = 0;
        while (done < wanted) {
            long batch = Math.min(originals, wanted - done);
            long from = count("select count(*) from enquiry where reference < ?", thisYearPrefix());
            transaction.executeWithoutResult(status -> copyOnce(batch, from));
            done += batch;
            log.info("Bench: {} of {} closed enquiries copied", done, wanted);
        }
        return done;
    }

    private void copyOnce(long batch, long numberedFrom) {
        int thisYear = Year.now(clock).getValue();
        jdbc.execute("create temporary table bench_map (src_id bigint, src_ref varchar(20), new_id bigint, "
                + "new_ref varchar(20), years int, suffix varchar(20)) on commit drop");
        // n numbers the copies across runs; it chooses the copy's year and reference and its engine suffix.
        jdbc.update("""
                insert into bench_map
                select id, reference, nextval(pg_get_serial_sequence('enquiry', 'id')),
                       'TES-' || (? - 1 - (n - 1) / ?) || '-' || lpad(cast((n - 1) % ? + 1 as varchar), 6, '0'),
                       1 + (n - 1) / ?, '-c' || n
                from (select id, reference, ? + row_number() over (order by id) as n from enquiry
                      where status = 'CLOSED' and reference >= ? and logged_by like 'bench-school-%'
                      order by id limit ?) originals""",
                thisYear, MAX_PER_YEAR, MAX_PER_YEAR, MAX_PER_YEAR, numberedFrom, thisYearPrefix(), batch);
        refuseUncopiedTables();
        jdbc.execute("""
                create temporary table bench_letter_map on commit drop as
                select r.letter_id as old_id, nextval(pg_get_serial_sequence('outbox_letter', 'id')) as new_id, m.years
                from referrer_response r join bench_map m on r.enquiry_id = m.src_id where r.letter_id is not null""");
        String shift = "make_interval(years => m.years)";
        insert("enquiry", "join bench_map m on t.id = m.src_id",
                Map.of("id", "m.new_id", "reference", "m.new_ref", "idempotency_key", "null"), shift);
        insert("enquiry_concern", "join bench_map m on t.enquiry_id = m.src_id", Map.of("enquiry_id", "m.new_id"),
                shift);
        insert("outbox_letter", "join bench_letter_map m on t.id = m.old_id",
                Map.of("id", "m.new_id", "message_key", "null"), shift);
        insert("referrer_response",
                "join bench_map m on t.enquiry_id = m.src_id left join bench_letter_map l on t.letter_id = l.old_id",
                Map.of("id", "default", "enquiry_id", "m.new_id", "letter_id", "l.new_id",
                        "body", "replace(t.body, m.src_ref, m.new_ref)", "subject", "replace(t.subject, m.src_ref, m.new_ref)"),
                shift);
        insert("triage_decision", "join bench_map m on t.enquiry_reference = m.src_ref",
                Map.of("enquiry_reference", "m.new_ref"), shift);
        insert("case_event", "join bench_map m on t.enquiry_reference = m.src_ref",
                Map.of("id", "default", "enquiry_reference", "m.new_ref", "summary", "replace(t.summary, m.src_ref, m.new_ref)",
                        "details", "replace(t.details, m.src_ref, m.new_ref)", "link", "replace(t.link, m.src_ref, m.new_ref)"),
                shift);
        insert("audit_event", "join bench_map m on t.record_type = 'ENQUIRY' and t.record_reference = m.src_ref",
                Map.of("id", "default", "record_reference", "m.new_ref"), shift);
        insert("work_item", "join bench_map m on t.enquiry_reference = m.src_ref",
                Map.of("task_id", "md5(t.task_id || m.suffix)", "process_instance_id",
                        "md5(t.process_instance_id || m.suffix)", "enquiry_reference", "m.new_ref"), shift);
        copyHistory();
        jdbc.update("""
                insert into reference_counter (reference_year, last_number)
                select cast(substring(new_ref from 5 for 4) as integer), max(cast(substring(new_ref from 10) as integer))
                from bench_map group by 1
                on conflict (reference_year) do update set last_number = greatest(reference_counter.last_number,
                    excluded.last_number)""");
    }

    /** Every engine history table (and history byte arrays) row of the originals' process instances. */
    private void copyHistory() {
        jdbc.execute("""
                create temporary table bench_instance_map on commit drop as
                select p.root_proc_inst_id_ as root_id, m.src_ref, m.new_ref, m.years, m.suffix
                from act_hi_procinst p join bench_map m on p.business_key_ = m.src_ref
                where p.proc_inst_id_ = p.root_proc_inst_id_""");
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.columns
                where table_schema = current_schema() and column_name = 'root_proc_inst_id_'
                  and (table_name like 'act\\_hi\\_%' or table_name = 'act_ge_bytearray') order by table_name""",
                String.class);
        for (String table : tables) {
            Map<String, String> overrides = columns(table).keySet().stream()
                    .filter(column -> INSTANCE_IDS.contains(column) || REFERENCE_TEXT.contains(column))
                    .collect(Collectors.toMap(column -> column, column -> INSTANCE_IDS.contains(column)
                            ? "md5(t." + column + " || m.suffix)" : "replace(t." + column + ", m.src_ref, m.new_ref)"));
            insert(table, "join bench_instance_map m on t.root_proc_inst_id_ = m.root_id", overrides,
                    "make_interval(years => m.years)");
        }
    }

    /**
     * {@code INSERT INTO table SELECT} every column of the table from its rows {@code t} joined as given:
     * a column in {@code overrides} takes that expression ({@code default} leaves it to its sequence), a
     * timestamp is moved back by {@code shift}, any other column is copied as it is.
     */
    private void insert(String table, String join, Map<String, String> overrides, String shift) {
        Map<String, String> columns = columns(table);
        List<String> names = columns.keySet().stream().filter(name -> !"default".equals(overrides.get(name))).toList();
        String values = names.stream().map(name -> overrides.containsKey(name) ? overrides.get(name)
                : columns.get(name).startsWith("timestamp") ? "t." + name + " - " + shift : "t." + name)
                .collect(Collectors.joining(", "));
        jdbc.execute("insert into " + table + " (" + String.join(", ", names) + ") select " + values + " from "
                + table + " t " + join);
    }

    private Map<String, String> columns(String table) {
        return jdbc.query("""
                select column_name, data_type from information_schema.columns
                where table_schema = current_schema() and table_name = ? order by ordinal_position""",
                rs -> {
                    Map<String, String> columns = new java.util.LinkedHashMap<>();
                    while (rs.next()) {
                        columns.put(rs.getString(1), rs.getString(2));
                    }
                    return columns;
                }, table);
    }

    /** A table this copier does not know that has rows about the originals would make the copies too small. */
    private void refuseUncopiedTables() {
        List<Map<String, Object>> linked = jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema() and column_name in ('enquiry_id', 'enquiry_reference')""");
        for (Map<String, Object> row : linked) {
            String table = (String) row.get("table_name");
            String column = (String) row.get("column_name");
            if (COPIED.contains(table)) {
                continue;
            }
            String key = column.equals("enquiry_id") ? "src_id" : "src_ref";
            Long rows = jdbc.queryForObject("select count(*) from " + table + " where " + column + " in (select " + key
                    + " from bench_map)", Long.class);
            if (rows != null && rows > 0) {
                throw new IllegalStateException("Table " + table + " holds rows about closed enquiries that the "
                        + "benchmark's copier does not copy; teach ClosedEnquiryCopier about it");
            }
        }
    }

    private String thisYearPrefix() {
        return "TES-" + Year.now(clock).getValue();
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
