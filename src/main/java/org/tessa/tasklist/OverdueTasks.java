package org.tessa.tasklist;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.tessa.shared.OverdueWork;
import org.tessa.people.Teams;

/** Tasks past their due date: every user task has one (its BPMN due date), so every slipped task is here. */
@Component
class OverdueTasks implements OverdueWork {

    private final WorkItemRepository items;
    private final Teams teams;

    OverdueTasks(WorkItemRepository items, Teams teams) {
        this.items = items;
        this.teams = teams;
    }

    @Override
    public List<Item> overdueAt(Instant now) {
        return items.overdue(now).stream().map(held -> new Item("task:" + held.taskId(), held.taskId(), held.name(),
                held.enquiryReference(), held.childName(), held.assignee(), held.queue(),
                held.queue() == null ? null : teams.nameOf(held.queue()), held.due(),
                held.enquiryReference() == null ? null : "/enquiries/" + held.enquiryReference()))
                .toList();
    }
}
