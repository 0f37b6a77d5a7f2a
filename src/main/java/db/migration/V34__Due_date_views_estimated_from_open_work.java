package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, an index on an open work item's due date ({@code WorkItemRepository.OPEN_DUE}): ANALYZE keeps
 * statistics of an indexed expression, which tell the planner how few open items are overdue or due today, and
 * the index finds them. H2, for development, has no indexes on expressions and needs none.
 */
public class V34__Due_date_views_estimated_from_open_work extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("create index work_item_open_due_at on work_item ((case when is_open then due_at end))");
        }
    }
}
