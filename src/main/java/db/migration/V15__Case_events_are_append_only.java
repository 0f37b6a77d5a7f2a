package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL (production and CI) the database itself refuses to update, delete or truncate case events,
 * whatever the application does. H2, the embedded demo database, has no trigger language to say so in.
 */
public class V15__Case_events_are_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    create function case_event_is_append_only() returns trigger language plpgsql as $$
                    begin
                        raise exception 'The case record is append-only: % on case_event is refused', tg_op;
                    end $$""");
            statement.execute("""
                    create trigger case_event_no_change before update or delete on case_event
                    for each row execute function case_event_is_append_only()""");
            statement.execute("""
                    create trigger case_event_no_truncate before truncate on case_event
                    for each statement execute function case_event_is_append_only()""");
        }
    }
}
