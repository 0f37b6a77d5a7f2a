package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** On PostgreSQL (production and CI) the database itself refuses to update, delete or truncate case events. */
public class V15__Case_events_are_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnly.refuseChanges(context.getConnection(), "case_event", "The case record");
    }
}
