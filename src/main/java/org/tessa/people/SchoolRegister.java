package org.tessa.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.audit.AuditLog;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.InvalidSubmissionException;

/**
 * The register of schools: imported from the Department for Education's Get Information about Schools (GIAS)
 * extract, keeping the council's own local-authority codes, and added to or corrected by hand for a provision GIAS
 * does not list. An import adds new schools, renames changed ones and marks closed ones inactive; it never deletes
 * a school, so no enquiry loses its school. A malformed row is reported by its line and skipped.
 */
@Service
public class SchoolRegister {

    static final String URN = "URN";
    static final String LA_CODE = "LA (code)";
    static final String NAME = "EstablishmentName";
    static final String TYPE = "TypeOfEstablishment (name)";
    static final String STATUS = "EstablishmentStatus (name)";
    static final String PHASE = "PhaseOfEducation (name)";
    static final String POSTCODE = "Postcode";
    static final String DISTRICT = "DistrictAdministrative (name)";
    static final List<String> NEEDED = List.of(URN, LA_CODE, NAME, TYPE, STATUS, PHASE, POSTCODE);
    static final String CLOSED = "Closed";
    private static final String RECORD_TYPE = "SCHOOL";

    private final JdbcClient jdbc;
    private final SchoolRegisterProperties properties;
    private final AuditLog audit;

    SchoolRegister(JdbcClient jdbc, SchoolRegisterProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
    }

    /** A school as the register holds it. */
    public record RegisteredSchool(long id, String urn, String name, String laCode, String establishmentType,
            String phase, String giasStatus, String postcode, String locality, boolean active, String source) {
    }

    /** What an import did, and each row it could not read, by line; shown after a redirect, so kept in the session. */
    public record ImportReport(int added, int renamed, int closed, int unchanged, int otherAuthorities,
            List<LineProblem> problems) implements java.io.Serializable {
    }

    public record LineProblem(long line, String problem) implements java.io.Serializable {
    }

    @Transactional(readOnly = true)
    public List<RegisteredSchool> all() {
        return jdbc.sql("select * from school order by active desc, name").query(RegisteredSchool.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<RegisteredSchool> find(long id) {
        return jdbc.sql("select * from school where id = ?").param(id).query(RegisteredSchool.class).optional();
    }

    /**
     * Reads a GIAS extract ("edubasealldata" CSV, in its published encoding) and brings the register up to date
     * with the council's schools in it, in one transaction. A file without GIAS's columns is refused whole.
     */
    @Transactional
    public ImportReport importGias(InputStream extract, String importedBy) throws IOException {
        if (properties.localAuthorityCodes().isEmpty()) {
            throw new InvalidSubmissionException("file", "Set the council's local-authority codes "
                    + "(tessa.schools.local-authority-codes) before importing");
        }
        Set<String> ours = Set.copyOf(properties.localAuthorityCodes());
        int added = 0;
        int renamed = 0;
        int closed = 0;
        int unchanged = 0;
        int elsewhere = 0;
        List<LineProblem> problems = new ArrayList<>();
        try (Reader reader = new InputStreamReader(extract, Charset.forName(properties.giasEncoding()));
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setAllowMissingColumnNames(true).get().parse(reader)) {
            List<String> missing = NEEDED.stream().filter(column -> !csv.getHeaderMap().containsKey(column)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidSubmissionException("file", "This is not a GIAS establishment extract: it has no "
                        + String.join(", ", missing) + " column");
            }
            for (CSVRecord row : csv) {
                long line = csv.getCurrentLineNumber();
                if (!row.isConsistent()) {
                    problems.add(new LineProblem(line, "has " + row.size() + " columns, not " + csv.getHeaderMap().size()));
                    continue;
                }
                if (row.stream().anyMatch(cell -> cell.indexOf('\u0000') >= 0)) {
                    problems.add(new LineProblem(line, "has a NUL character (a hidden control character) in it"));
                    continue;
                }
                if (!ours.contains(row.get(LA_CODE).strip())) {
                    elsewhere++;
                    continue;
                }
                String urn = row.get(URN).strip();
                String name = row.get(NAME).strip();
                if (!urn.matches("\\d{6,8}")) {
                    problems.add(new LineProblem(line, "the URN '" + urn + "' is not 6 to 8 digits"));
                    continue;
                }
                if (name.isEmpty() || name.length() > 200) {
                    problems.add(new LineProblem(line, "URN " + urn + " has no name, or one over 200 characters"));
                    continue;
                }
                boolean open = !CLOSED.equalsIgnoreCase(row.get(STATUS).strip());
                Optional<RegisteredSchool> known = byUrn(urn);
                if (known.isEmpty()) {
                    if (open) {
                        jdbc.sql("""
                                insert into school (urn, name, la_code, establishment_type, phase, gias_status, postcode,
                                    locality, active, source)
                                values (?, ?, ?, ?, ?, ?, ?, ?, true, 'GIAS')""")
                                .params(urn, name, cut(row.get(LA_CODE), 3), cut(row.get(TYPE), 100), cut(row.get(PHASE), 60),
                                        cut(row.get(STATUS), 60), cut(row.get(POSTCODE), 10), district(row))
                                .update();
                        added++;
                    }
                    continue;
                }
                RegisteredSchool school = known.get();
                jdbc.sql("""
                        update school set name = ?, la_code = ?, establishment_type = ?, phase = ?, gias_status = ?,
                            postcode = ?, locality = ?, active = ?, source = 'GIAS'
                        where id = ?""")
                        .params(name, cut(row.get(LA_CODE), 3), cut(row.get(TYPE), 100), cut(row.get(PHASE), 60),
                                cut(row.get(STATUS), 60), cut(row.get(POSTCODE), 10), district(row), open, school.id())
                        .update();
                if (school.active() && !open) {
                    closed++;
                } else if (!school.name().equals(name)) {
                    renamed++;
                } else {
                    unchanged++;
                }
            }
        } catch (CSVException | java.io.UncheckedIOException notCsv) {
            // such as a quote that is never closed: nothing from the file is kept (this transaction rolls back)
            throw new InvalidSubmissionException("file", "This file is not CSV that TESSA can read ("
                    + (notCsv instanceof CSVException ? notCsv : notCsv.getCause()).getMessage() + "): nothing was imported");
        }
        audit.recordChange(importedBy, RECORD_TYPE, "GIAS", "Imported GIAS: " + added + " added, " + renamed
                + " renamed, " + closed + " closed, " + problems.size() + " rows not read");
        return new ImportReport(added, renamed, closed, unchanged, elsewhere, problems);
    }

    /** Adds a provision GIAS does not list, such as the council's own alternative provision. */
    @Transactional
    public long add(String urn, String name, String postcode, String addedBy) {
        List<FieldProblem> problems = check(urn, name, postcode);
        if (problems.isEmpty() && byUrn(urn.strip()).isPresent()) {
            problems.add(new FieldProblem("urn", "A school with URN " + urn.strip() + " is already in the register"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        jdbc.sql("insert into school (urn, name, postcode, active, source) values (?, ?, ?, true, 'MANUAL')")
                .params(urn.strip(), name.strip(), blankAsNull(postcode)).update();
        audit.recordChange(addedBy, RECORD_TYPE, urn.strip(), "Added school " + name.strip());
        return byUrn(urn.strip()).orElseThrow().id();
    }

    /** Corrects a school's name or postcode, or opens or closes it; its URN and enquiries stay. */
    @Transactional
    public void edit(long id, String name, String postcode, boolean active, String editedBy) {
        RegisteredSchool school = find(id).orElseThrow(() -> new org.tessa.shared.RecordNotFoundException("School " + id));
        List<FieldProblem> problems = check(school.urn(), name, postcode);
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        jdbc.sql("update school set name = ?, postcode = ?, active = ? where id = ?")
                .params(name.strip(), blankAsNull(postcode), active, id).update();
        audit.recordChange(editedBy, RECORD_TYPE, school.urn(), "Edited school: " + name.strip()
                + (active ? "" : " (closed)"));
    }

    private static List<FieldProblem> check(String urn, String name, String postcode) {
        List<FieldProblem> problems = new ArrayList<>();
        if (urn == null || !urn.strip().matches("\\d{6,8}")) {
            problems.add(new FieldProblem("urn", "Enter the URN, 6 to 8 digits"));
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            problems.add(new FieldProblem("name", "Enter the school's name, in up to 200 characters"));
        }
        if (postcode != null && !postcode.isBlank() && !postcode.strip().matches("[A-Za-z0-9 ]{5,8}")) {
            problems.add(new FieldProblem("postcode", "Enter a postcode, like WA10 1AB, or leave it blank"));
        }
        return problems;
    }

    private Optional<RegisteredSchool> byUrn(String urn) {
        return jdbc.sql("select * from school where urn = ?").param(urn).query(RegisteredSchool.class).optional();
    }

    private static String district(CSVRecord row) {
        return row.isMapped(DISTRICT) ? cut(row.get(DISTRICT), 100) : null;
    }

    private static String cut(String value, int length) {
        String stripped = value == null ? "" : value.strip();
        return stripped.isEmpty() ? null : stripped.length() > length ? stripped.substring(0, length) : stripped;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
