package org.tessa.oversight;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.people.StaffMember;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.FormErrors;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.tasklist.Transfers;
import org.tessa.tasklist.Workloads;

/**
 * For managers: the drift list, everyone's workload, and moving work to someone who can do it. Administrators
 * may read the lists; only managers move work.
 */
@Controller
@PreAuthorize(DriftController.READERS)
class DriftController {

    static final String READERS = "hasAnyRole('MANAGER','ADMIN')";
    static final String MOVE_VIEW = "oversight/move";
    /** The value of the "to" choice that puts work back in its team's queue. */
    static final String BACK_TO_QUEUE = "queue";

    private final Drift drift;
    private final Workloads workloads;
    private final Transfers transfers;

    DriftController(Drift drift, Workloads workloads, Transfers transfers) {
        this.drift = drift;
        this.workloads = workloads;
        this.transfers = transfers;
    }

    @GetMapping("/oversight/drift")
    String driftPage(@AuthenticationPrincipal StaffMember person, Model model) {
        model.addAttribute("entries", drift.shownTo(person));
        return "oversight/drift";
    }

    @GetMapping("/oversight/workloads")
    String workloadsPage(Model model) {
        model.addAttribute("loads", workloads.now());
        return "oversight/workloads";
    }

    @GetMapping("/oversight/work/{taskId}")
    @PreAuthorize("hasRole('MANAGER')")
    String movePage(@PathVariable String taskId, Model model) {
        return showMove(taskId, Map.of(), null, null, model);
    }

    @PostMapping("/oversight/work/{taskId}")
    @PreAuthorize("hasRole('MANAGER')")
    String move(@PathVariable String taskId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal StaffMember manager, Model model, RedirectAttributes redirect) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (to == null || to.isBlank()) {
            problems.put("to", "Choose who the work goes to");
        }
        Transfers.reasonProblem(reason).ifPresent(problem -> problems.put("reason", problem));
        if (!problems.isEmpty()) {
            return showMove(taskId, problems, to, reason, model);
        }
        try {
            transfers.transfer(taskId, blankAsNull(from), BACK_TO_QUEUE.equals(to) ? null : to, reason, manager);
        } catch (InvalidSubmissionException invalid) {
            FieldProblem problem = invalid.problems().get(0);
            return showMove(taskId, Map.of(problem.field(), problem.message()), to, reason, model);
        }
        redirect.addFlashAttribute("flash", "The work has moved, and the case record says why");
        return "redirect:/oversight/drift";
    }

    private String showMove(String taskId, Map<String, String> fieldErrors, String to, String reason, Model model) {
        model.addAttribute("work", transfers.movable(taskId));
        model.addAttribute("chosen", to);
        model.addAttribute("typed", reason);
        FormErrors.addTo(model, fieldErrors.entrySet().stream()
                .map(error -> new FieldProblem(error.getKey(), error.getValue())).toList());
        return MOVE_VIEW;
    }

    static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
