package org.tessa.people;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.FormErrors;
import org.tessa.shared.InvalidSubmissionException;

/** Administrators keep the register of schools: the GIAS import, and schools added or corrected by hand. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SchoolAdminController {

    private final SchoolRegister register;
    private final SchoolRegisterProperties properties;

    SchoolAdminController(SchoolRegister register, SchoolRegisterProperties properties) {
        this.register = register;
        this.properties = properties;
    }

    @GetMapping("/admin/schools")
    String page(Model model) {
        return show(List.of(), Map.of(), model);
    }

    @PostMapping("/admin/schools/import")
    String importUploaded(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal StaffMember admin,
            Model model, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            return show(List.of(new FieldProblem("file", "Choose the GIAS extract (edubasealldata CSV) to import")),
                    Map.of(), model);
        }
        try (InputStream extract = file.getInputStream()) {
            return imported(extract, admin, model, redirect);
        }
    }

    @PostMapping("/admin/schools/import-configured")
    String importConfigured(@AuthenticationPrincipal StaffMember admin, Model model, RedirectAttributes redirect)
            throws IOException {
        if (properties.giasFile() == null || !Files.isReadable(properties.giasFile())) {
            return show(List.of(new FieldProblem("file", "There is no GIAS extract at the configured place "
                    + "(tessa.schools.gias-file): upload one instead")), Map.of(), model);
        }
        try (InputStream extract = Files.newInputStream(properties.giasFile())) {
            return imported(extract, admin, model, redirect);
        }
    }

    @PostMapping("/admin/schools")
    String add(@RequestParam Map<String, String> form, @AuthenticationPrincipal StaffMember admin, Model model,
            RedirectAttributes redirect) {
        try {
            register.add(form.get("urn"), form.get("name"), form.get("postcode"), admin.getUsername());
        } catch (InvalidSubmissionException invalid) {
            return show(invalid.problems(), form, model);
        }
        redirect.addFlashAttribute("flash", form.get("name").strip() + " is in the register");
        return "redirect:/admin/schools";
    }

    @GetMapping("/admin/schools/{id}")
    String editPage(@PathVariable long id, Model model) {
        return showEdit(id, List.of(), null, model);
    }

    @PostMapping("/admin/schools/{id}")
    String edit(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal StaffMember admin,
            Model model, RedirectAttributes redirect) {
        try {
            register.edit(id, form.get("name"), form.get("postcode"), !"false".equals(form.get("active")),
                    admin.getUsername());
        } catch (InvalidSubmissionException invalid) {
            return showEdit(id, invalid.problems(), form, model);
        }
        redirect.addFlashAttribute("flash", "The school is saved");
        return "redirect:/admin/schools";
    }

    private String imported(InputStream extract, StaffMember admin, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            redirect.addFlashAttribute("report", register.importGias(extract, admin.getUsername()));
        } catch (InvalidSubmissionException invalid) {
            return show(invalid.problems(), Map.of(), model);
        }
        return "redirect:/admin/schools";
    }

    private String show(List<FieldProblem> problems, Map<String, String> typed, Model model) {
        model.addAttribute("schools", register.all());
        model.addAttribute("configuredFile", properties.giasFile());
        model.addAttribute("codes", String.join(", ", properties.localAuthorityCodes()));
        model.addAttribute("typed", typed);
        FormErrors.addTo(model, problems);
        return "admin/schools";
    }

    private String showEdit(long id, List<FieldProblem> problems, Map<String, String> typed, Model model) {
        model.addAttribute("school", register.find(id)
                .orElseThrow(() -> new org.tessa.shared.RecordNotFoundException("School " + id)));
        model.addAttribute("typed", typed);
        FormErrors.addTo(model, problems);
        return "admin/school";
    }
}
