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
 * constraints on {@code support_plan.enquiry_reference} were declared without names, so each database
 * named them differently: they are looked up. H2 keeps a unique index alive while a foreign key uses it,
 * so the foreign key is dropped first and declared again, by name, over a plain index.
 */
public class V14__Plans_follow_one_another extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> foreignKeysFirst = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet constraints = statement.executeQuery("""
                        select k.constraint_name, c.constraint_type
                        from information_schema.key_column_usage k
                        join information_schema.table_constraints c
                          on c.constraint_name = k.constraint_name and c.table_name = k.table_name
                        where lower(k.table_name) = 'support_plan' and lower(k.column_name) = 'enquiry_reference'
                        order by case c.constraint_type when 'FOREIGN KEY' then 0 else 1 end""")) {
            while (constraints.next()) {
                foreignKeysFirst.add(constraints.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : foreignKeysFirst) {
                statement.execute("alter table support_plan drop constraint \"" + name + "\"");
            }
            statement.execute("create index support_plan_enquiry on support_plan (enquiry_reference, id)");
            statement.execute("""
                    alter table support_plan add constraint support_plan_enquiry_fk
                    foreign key (enquiry_reference) references enquiry (reference)""");
        }
    }
}
