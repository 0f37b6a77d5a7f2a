package org.tessa.tasklist;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tessa.people.StaffMember;

@RestController
@RequestMapping("/api/tasks")
@PreAuthorize(TaskListController.WORKERS)
@Tag(name = "Tasks", description = "Work in the processes: claim, put back, complete with the task's form")
class TaskApiController {

    private final TaskList taskList;

    TaskApiController(TaskList taskList) {
        this.taskList = taskList;
    }

    @GetMapping
    @Operation(summary = "The caller's tasks and their groups' unclaimed tasks, immediate risk and then due first",
            description = "view: ALL, MINE, UNCLAIMED, DUE_TODAY or OVERDUE; sort: URGENCY, OLDEST or NEWEST; "
                    + "page from 1; size up to 100.")
    List<WorkItem> tasks(@RequestParam(defaultValue = "ALL") TaskFilter view,
            @RequestParam(defaultValue = "URGENCY") TaskOrder sort, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "100") int size, @AuthenticationPrincipal StaffMember caller) {
        return taskList.workFor(caller, view, sort, page, Math.min(Math.max(size, 1), 100)).items();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task")
    WorkItem task(@PathVariable String id, @AuthenticationPrincipal StaffMember caller) {
        return taskList.task(id, caller);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim a task from the caller's group queue")
    ResponseEntity<WorkItem> claim(@PathVariable String id, @AuthenticationPrincipal StaffMember caller) {
        taskList.claim(id, caller);
        return ResponseEntity.ok(taskList.task(id, caller));
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Put a task the caller holds back in the group queue")
    ResponseEntity<WorkItem> unclaim(@PathVariable String id, @AuthenticationPrincipal StaffMember caller) {
        taskList.unclaim(id, caller);
        return ResponseEntity.ok(taskList.task(id, caller));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete a task the caller holds", description = "The body is a JSON object of the "
            + "task form's field values; it is checked against the form before the task completes (400 if not valid, "
            + "409 if the caller does not hold the task).")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody Map<String, Object> values,
            @AuthenticationPrincipal StaffMember caller) {
        taskList.complete(id, caller, values);
        return ResponseEntity.noContent().build();
    }
}
