package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes a table append-only on PostgreSQL: triggers refuse every UPDATE, DELETE and TRUNCATE, whichever role
 * asks, TESSA's own included. H2, the embedded demo database, has no trigger language to say so in.
 */
final class AppendOnly {

    private AppendOnly() {
    }

    static void refuseChanges(Connection connection, String table, String what) throws SQLException {
        if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create function %1$s_is_append_only() returns trigger language plpgsql as $$
                    begin
                        raise exception '%2$s is append-only: %% on %1$s is refused', tg_op;
                    end $$""".formatted(table, what));
            statement.execute("""
                    create trigger %1$s_no_change before update or delete on %1$s
                    for each row execute function %1$s_is_append_only()""".formatted(table));
            statement.execute("""
                    create trigger %1$s_no_truncate before truncate on %1$s
                    for each statement execute function %1$s_is_append_only()""".formatted(table));
        }
    }
}
