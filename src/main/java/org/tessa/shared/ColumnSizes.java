package org.tessa.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How much text each column holds, read from the database itself (its information schema), so that the Flyway
 * migration that sizes a column is the one place its limit is written. Services check text against it before
 * they store it, and the person hears how long the text may be instead of the database failing with a 500.
 * Forms bound to a class say the same with {@link FitsColumn}.
 */
@Component
public class ColumnSizes {

    private final JdbcClient jdbc;
    private volatile Map<String, Integer> sizes;

    ColumnSizes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The most characters {@code table.column} holds. */
    public int of(String table, String column) {
        Integer size = sizes().get(key(table, column));
        if (size == null) {
            throw new IllegalArgumentException("No text column " + table + "." + column);
        }
        return size;
    }

    /**
     * Adds a problem for {@code field} if the text, stripped as it will be stored, is longer than its column:
     * "{label} must be 4,000 characters or fewer; it has 4,001".
     */
    public void check(List<FieldProblem> problems, String table, String column, String field, String label, String text) {
        if (text == null) {
            return;
        }
        int limit = of(table, column);
        int length = text.strip().length();
        if (length > limit) {
            problems.add(new FieldProblem(field, tooLong(label, limit, length)));
        }
    }

    /** What a person reads when their text is too long: "{label} must be 4,000 characters or fewer; it has 4,001". */
    static String tooLong(String label, int limit, int length) {
        return String.format(Locale.UK, "%s must be %,d characters or fewer; it has %,d", label, limit, length);
    }

    /** As {@link #check}, for one field: refused at once with a 400 or a form error. */
    public void require(String table, String column, String field, String label, String text) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        check(problems, table, column, field, label, text);
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
    }

    private Map<String, Integer> sizes() {
        Map<String, Integer> known = sizes;
        if (known == null) {
            known = jdbc.sql("""
                    select table_name, column_name, character_maximum_length from information_schema.columns
                    where table_schema = current_schema and character_maximum_length is not null""")
                    .query((rs, row) -> Map.entry(key(rs.getString(1), rs.getString(2)),
                            (int) Math.min(rs.getLong(3), Integer.MAX_VALUE))).list().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, Math::min));
            sizes = known;
        }
        return known;
    }

    private static String key(String table, String column) {
        return (table + "." + column).toLowerCase(Locale.ROOT);
    }
}
