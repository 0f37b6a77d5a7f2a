package org.tessa.tasklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code work_item} table. Every list is one SQL query that reads a page through an index: the
 * person's queues and their own tasks are two index-ordered branches, each cut to the page before they
 * are merged, so a page costs the same whatever the number of open tasks. Nothing counts every row.
 */
@Repository
class WorkItemRepository {

    private final JdbcClient jdbc;

    WorkItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row as the engine's task and the enquiry give it. */
    record Row(String taskId, String name, String taskKey, String formKey, String processInstanceId,
            String enquiryReference, String childName, String schoolName, String concerns, boolean immediateRisk,
            String queue, String assignee, Instant created, Instant due) {
    }

    /** The slice of work one person may see, with a view's condition; the due-date bounds are for its filters. */
    record Visible(String person, List<String> queues, TaskFilter filter, Instant now, Instant endOfToday) {
    }

    /** A task new in this transaction: its row cannot exist yet. */
    void insert(Row row) {
        jdbc.sql("""
                insert into work_item (task_id, name, task_key, form_key, process_instance_id, enquiry_reference,
                    child_name, school_name, concerns, immediate_risk, queue, assignee, created_at, due_at, is_open)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""")
                .params(row.taskId(), row.name(), row.taskKey(), row.formKey(), row.processInstanceId(),
                        row.enquiryReference(), row.childName(), row.schoolName(), row.concerns(),
                        row.immediateRisk(), row.queue(), row.assignee(), utc(row.created()), utc(row.due()))
                .update();
    }

    void save(Row row) {
        int updated = jdbc.sql("""
                update work_item set name = ?, task_key = ?, form_key = ?, queue = ?, assignee = ?, due_at = ?,
                    is_open = true, finished_at = null, finished_how = null
                where task_id = ?""")
                .params(row.name(), row.taskKey(), row.formKey(), row.queue(), row.assignee(), utc(row.due()),
                        row.taskId())
                .update();
        if (updated == 0) {
            insert(row);
        }
    }

    /** The task has ended: completed, or cancelled with its process. The row stays for the figures. */
    void finish(String taskId, String how, Instant at) {
        jdbc.sql("update work_item set is_open = false, finished_at = ?, finished_how = ? where task_id = ? and is_open = true")
                .params(utc(at), how, taskId).update();
    }

    Optional<WorkItem> open(String taskId) {
        return jdbc.sql("select * from work_item where task_id = ? and is_open = true").param(taskId)
                .query((rs, row) -> map(rs)).optional();
    }

    List<WorkItem> page(Visible visible, TaskOrder order, int offset, int size) {
        var sql = new StringBuilder("select * from (");
        var params = new ArrayList<Object>();
        branches(visible, "order by " + order.sql() + " fetch first " + (offset + size) + " rows only", sql, params);
        sql.append(") work order by ").append(order.sql()).append(" offset ").append(offset)
                .append(" rows fetch next ").append(size).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> map(rs)).list();
    }

    /** The person's open items about one enquiry. */
    List<WorkItem> about(Visible visible, String enquiryReference) {
        var sql = new StringBuilder("select * from (");
        var params = new ArrayList<Object>();
        branches(visible, "", sql, params);
        sql.append(") work where enquiry_reference = ? order by ").append(TaskOrder.URGENCY.sql());
        params.add(enquiryReference);
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> map(rs)).list();
    }

    /** An open item as the managers' views need it: whose it is and which team's. */
    record Held(String taskId, String name, String enquiryReference, String childName, String queue, String assignee,
            Instant due) {
    }

    /** Every open item due before {@code now}, oldest first, through {@code work_item_open_due}. */
    List<Held> overdue(Instant now) {
        return jdbc.sql("""
                select task_id, name, enquiry_reference, child_name, queue, assignee, due_at from work_item
                where is_open = true and due_at < ? order by due_at, task_id""")
                .param(utc(now)).query((rs, row) -> held(rs)).list();
    }

    /** Every open item one person holds. */
    List<Held> heldBy(String assignee) {
        return jdbc.sql("""
                select task_id, name, enquiry_reference, child_name, queue, assignee, due_at from work_item
                where assignee = ? and is_open = true""")
                .param(assignee).query((rs, row) -> held(rs)).list();
    }

    Optional<Held> held(String taskId) {
        return jdbc.sql("""
                select task_id, name, enquiry_reference, child_name, queue, assignee, due_at from work_item
                where task_id = ? and is_open = true""")
                .param(taskId).query((rs, row) -> held(rs)).optional();
    }

    /** Open and overdue items for each pair of holder (null: waiting in the queue) and queue. */
    record Load(String assignee, String queue, long open, long overdue) {
    }

    List<Load> loads(Instant now) {
        return jdbc.sql("""
                select assignee, queue, count(*) as open_items,
                    sum(case when due_at < ? then 1 else 0 end) as overdue_items
                from work_item where is_open = true group by assignee, queue""")
                .param(utc(now))
                .query((rs, row) -> new Load(rs.getString("assignee"), rs.getString("queue"), rs.getLong("open_items"),
                        rs.getLong("overdue_items")))
                .list();
    }

    /** Open items by age: created after {@code first}, after {@code second}, after {@code third}, and before that. */
    long[] openByAge(Instant first, Instant second, Instant third) {
        return jdbc.sql("""
                select sum(case when created_at > ? then 1 else 0 end) as newest,
                    sum(case when created_at <= ? and created_at > ? then 1 else 0 end) as newer,
                    sum(case when created_at <= ? and created_at > ? then 1 else 0 end) as older,
                    sum(case when created_at <= ? then 1 else 0 end) as oldest
                from work_item where is_open = true""")
                .params(utc(first), utc(first), utc(second), utc(second), utc(third), utc(third))
                .query((rs, row) -> new long[] {rs.getLong("newest"), rs.getLong("newer"), rs.getLong("older"),
                        rs.getLong("oldest")})
                .single();
    }

    private static Held held(ResultSet rs) throws SQLException {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        return new Held(rs.getString("task_id"), rs.getString("name"), rs.getString("enquiry_reference"),
                rs.getString("child_name"), rs.getString("queue"), rs.getString("assignee"),
                due == null ? null : due.toInstant());
    }

    long openCount() {
        return jdbc.sql("select count(*) from work_item where is_open = true").query(Long.class).single();
    }

    List<String> openTaskIds() {
        return jdbc.sql("select task_id from work_item where is_open = true").query(String.class).list();
    }

    /**
     * Two branches: the person's own items, and the other items in their queues. Each is a range of one
     * index in the order asked for, and each is cut (by {@code tail}) before the merge.
     */
    private static void branches(Visible visible, String tail, StringBuilder sql, List<Object> params) {
        // "Mine" is the second branch alone: the queue's branch would read the whole queue to find none of theirs.
        if (!visible.queues().isEmpty() && visible.filter() != TaskFilter.MINE) {
            sql.append("(select * from work_item where is_open = true and queue in (")
                    .append(String.join(", ", visible.queues().stream().map(queue -> "?").toList()))
                    .append(") and (assignee is null or assignee <> ?)");
            params.addAll(visible.queues());
            params.add(visible.person());
            sql.append(condition(visible, params)).append(' ').append(tail).append(") union all ");
        }
        sql.append("(select * from work_item where is_open = true and assignee = ?");
        params.add(visible.person());
        sql.append(condition(visible, params)).append(' ').append(tail).append(')');
    }

    /**
     * An item's due date while it is open, and none once finished: the due-date views are written with it so that
     * PostgreSQL estimates them from the open items alone (V34 indexes it, so ANALYZE keeps its statistics). Read
     * as plain {@code due_at}, a million finished items, all past their due dates, make "Overdue" look as if it
     * matched nearly every open item, and its first page was found by reading the whole queue.
     */
    private static final String OPEN_DUE = "(case when is_open then due_at end)";

    private static String condition(Visible visible, List<Object> params) {
        switch (visible.filter()) {
            case UNCLAIMED -> {
                return " and assignee is null";
            }
            case DUE_TODAY -> {
                params.add(utc(visible.now()));
                params.add(utc(visible.endOfToday()));
                return " and " + OPEN_DUE + " >= ? and " + OPEN_DUE + " < ?";
            }
            case OVERDUE -> {
                params.add(utc(visible.now()));
                return " and " + OPEN_DUE + " < ?";
            }
            default -> {
                return "";
            }
        }
    }

    private static WorkItem map(ResultSet rs) throws SQLException {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        return new WorkItem(rs.getString("task_id"), rs.getString("name"), rs.getString("task_key"),
                rs.getString("enquiry_reference"), rs.getBoolean("immediate_risk"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), due == null ? null : due.toInstant(),
                rs.getString("assignee"), rs.getString("form_key"), null, rs.getString("child_name"),
                rs.getString("school_name"), rs.getString("concerns"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
