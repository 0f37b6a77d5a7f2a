package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lifts the one-plan-per-enquiry rule of V9 so that a superseded plan stays beside the new one. The
 * unique constraint was declared without a name, so each database named it differently: it is looked up.
 */
public class V14__Plans_follow_one_another extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet constraints = statement.executeQuery("""
                        select constraint_name from information_schema.table_constraints
                        where lower(table_name) = 'support_plan' and constraint_type = 'UNIQUE'""")) {
            while (constraints.next()) {
                names.add(constraints.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("alter table support_plan drop constraint \"" + name + "\"");
            }
            statement.execute("create index support_plan_enquiry on support_plan (enquiry_reference, id)");
        }
    }
}
