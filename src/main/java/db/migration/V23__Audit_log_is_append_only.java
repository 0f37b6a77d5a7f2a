package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL the database itself refuses to update, delete or truncate the audit log, so that nobody, TESSA
 * included, can hide a read after the fact.
 */
public class V23__Audit_log_is_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnly.refuseChanges(context.getConnection(), "audit_event", "The audit log");
    }
}
