package org.tessa.oversight;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tessa.enquiry.RecordAndProcessCheck;

/** For administrators: enquiries whose case record and process instance disagree, on a page and through the API. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration")
class ConsistencyController {

    static final String CONSISTENCY_VIEW = "admin/consistency";

    private final RecordAndProcessCheck check;

    ConsistencyController(RecordAndProcessCheck check) {
        this.check = check;
    }

    @GetMapping("/admin/consistency")
    String page(Model model) {
        model.addAttribute("disagreements", check.disagreements());
        return CONSISTENCY_VIEW;
    }

    @GetMapping("/api/admin/consistency")
    @ResponseBody
    @Operation(summary = "Enquiries whose record and process disagree", description = "Administrators only. An empty "
            + "list means every enquiry's record and process instance agree.")
    List<RecordAndProcessCheck.Disagreement> api() {
        return check.disagreements();
    }
}
