package org.tessa.figures;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.people.StaffMember;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.FormErrors;
import org.tessa.shared.Glossary;
import org.tessa.shared.InvalidSubmissionException;

/** The scrutiny report for a period (the last quarter unless asked), as a page and a PDF, with officers' commentary. */
@Controller
@PreAuthorize(FiguresController.READERS)
class ScrutinyReportController {

    private final ScrutinyReports reports;
    private final Figures figures;
    private final Glossary glossary;

    ScrutinyReportController(ScrutinyReports reports, Figures figures, Glossary glossary) {
        this.glossary = glossary;
        this.reports = reports;
        this.figures = figures;
    }

    @GetMapping("/figures/report")
    String report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        return show(FiguresController.period(figures, from, to), List.of(), null, model);
    }

    @GetMapping("/figures/report.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Period period = FiguresController.period(figures, from, to);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("tessa-scrutiny-report-" + period.from() + "-to-" + period.to() + ".pdf").build().toString())
                .body(reports.pdf(period));
    }

    @PostMapping("/figures/report/commentary")
    @PreAuthorize("hasRole('MANAGER')")
    String comment(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String commentary, @AuthenticationPrincipal StaffMember officer,
            Model model, RedirectAttributes redirect) {
        Period period = new Period(from, to);
        try {
            reports.comment(period, commentary, officer);
        } catch (InvalidSubmissionException invalid) {
            return show(period, invalid.problems(), commentary, model);
        }
        redirect.addFlashAttribute("flash", "The commentary is saved in the report for " + period.label());
        redirect.addFlashAttribute("plainEnglish", glossary.unexplainedIn(commentary));
        return "redirect:/figures/report?from=" + from + "&to=" + to;
    }

    private String show(Period period, List<FieldProblem> problems, String typed, Model model) {
        ScrutinyReport report = reports.report(period);
        model.addAttribute("report", report);
        model.addAttribute("typed", typed != null || report.commentary() == null ? typed : report.commentary().text());
        FormErrors.addTo(model, problems);
        return "figures/report";
    }
}
