package org.tessa.oversight;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tessa.people.StaffMember;
import org.tessa.tasklist.Transfers;
import org.tessa.tasklist.Workloads;

/** The drift list, workloads and moving work, for managers' own tools. */
@RestController
@PreAuthorize(DriftController.READERS)
@Tag(name = "Oversight")
class DriftApiController {

    private final Drift drift;
    private final Workloads workloads;
    private final Transfers transfers;

    DriftApiController(Drift drift, Workloads workloads, Transfers transfers) {
        this.drift = drift;
        this.workloads = workloads;
        this.transfers = transfers;
    }

    @GetMapping("/api/drift")
    @Operation(summary = "The drift list", description = "Managers and administrators. Every open item past its due "
            + "date, of every kind (tasks, MASH decisions, schools' answers to the panel), oldest first.")
    List<Drift.Entry> driftApi(@AuthenticationPrincipal StaffMember person) {
        return drift.shownTo(person);
    }

    @GetMapping("/api/workloads")
    @Operation(summary = "Open and overdue work by person and by team", description = "Managers and administrators.")
    Workloads.Loads workloadsApi() {
        return workloads.now();
    }

    /** A manager's move of a piece of work, through the API. */
    record TransferRequest(String from, String to, String reason) {
    }

    @PostMapping("/api/work/{taskId}/transfer")
    @PreAuthorize("hasRole('MANAGER')")
    @Operation(summary = "Move a task to another person or back to its team's queue", description = "Managers only. "
            + "`from` is who holds it now (absent: nobody, it is in its queue); `to` is the username it goes to "
            + "(absent: back to its queue). Someone else's change since then is a 409 naming them.")
    Map<String, String> transfer(@PathVariable String taskId, @RequestBody TransferRequest request,
            @AuthenticationPrincipal StaffMember manager) {
        transfers.transfer(taskId, DriftController.blankAsNull(request.from()), DriftController.blankAsNull(request.to()),
                request.reason(), manager);
        return Map.of("taskId", taskId, "holder", request.to() == null ? "" : request.to());
    }
}
