package org.tessa.figures;

import java.time.LocalDate;
import java.util.Arrays;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tessa.enquiry.Concern;
import org.tessa.people.StaffDirectory;
import org.tessa.shared.InvalidSubmissionException;

/** The dashboard: the figures for a period, each chart with its table, for managers and administrators. */
@Controller
@PreAuthorize(FiguresController.READERS)
class FiguresController {

    static final String READERS = "hasAnyRole('MANAGER','ADMIN')";

    private final Figures figures;
    private final StaffDirectory directory;

    FiguresController(Figures figures, StaffDirectory directory) {
        this.figures = figures;
        this.directory = directory;
    }

    @GetMapping("/figures")
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long school, @RequestParam(required = false) String concern, Model model) {
        Period period = period(figures, from, to);
        model.addAttribute("figures", figures.of(period, filter(school, concern)));
        model.addAttribute("outcomeLabels", Figures.outcomeLabels());
        model.addAttribute("schools", directory.schools());
        model.addAttribute("concerns", Concern.values());
        return "figures/dashboard";
    }

    /** The period asked for, or the last complete quarter. */
    static Period period(Figures figures, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return figures.lastQuarter();
        }
        return new Period(from, to);
    }

    static PeriodFigures.Filter filter(Long school, String concern) {
        String blankless = concern == null || concern.isBlank() ? null : concern;
        if (blankless != null && Arrays.stream(Concern.values()).noneMatch(c -> c.name().equals(blankless))) {
            throw new InvalidSubmissionException("concern", "Choose a concern from the list");
        }
        return new PeriodFigures.Filter(school, blankless);
    }
}
