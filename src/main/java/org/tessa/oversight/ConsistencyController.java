package org.tessa.oversight;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.enquiry.RecordAndProcessCheck;
import org.tessa.tasklist.WorkItems;

/** For administrators: enquiries whose case record and process instance disagree, on a page and through the API. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration")
class ConsistencyController {

    static final String CONSISTENCY_VIEW = "admin/consistency";

    private final RecordAndProcessCheck check;
    private final WorkItems workItems;

    ConsistencyController(RecordAndProcessCheck check, WorkItems workItems) {
        this.check = check;
        this.workItems = workItems;
    }

    @GetMapping("/admin/consistency")
    String page(Model model) {
        model.addAttribute("disagreements", check.disagreements());
        model.addAttribute("workItemsOutOfStep", workItems.outOfStep());
        return CONSISTENCY_VIEW;
    }

    @PostMapping("/admin/consistency/work-items/rebuild")
    String rebuildPage(RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", "The work list was rebuilt from the engine's " + workItems.rebuild() + " open tasks");
        return "redirect:/admin/consistency";
    }

    @GetMapping("/api/admin/work-items/out-of-step")
    @ResponseBody
    @Operation(summary = "Work items out of step with the engine's tasks", description = "Administrators only. "
            + "An empty list means the task list shows exactly the engine's open tasks.")
    List<WorkItems.OutOfStep> workItemsOutOfStep() {
        return workItems.outOfStep();
    }

    @PostMapping("/api/admin/work-items/rebuild")
    @ResponseBody
    @Operation(summary = "Rebuild the work list from the engine", description = "Administrators only. Reads every "
            + "open task again; answers how many there are.")
    java.util.Map<String, Long> rebuild() {
        return java.util.Map.of("openTasks", workItems.rebuild());
    }

    @GetMapping("/api/admin/consistency")
    @ResponseBody
    @Operation(summary = "Enquiries whose record and process disagree", description = "Administrators only. An empty "
            + "list means every enquiry's record and process instance agree.")
    List<RecordAndProcessCheck.Disagreement> api() {
        return check.disagreements();
    }
}
