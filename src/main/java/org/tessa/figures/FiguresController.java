package org.tessa.figures;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tessa.enquiry.Concern;
import org.tessa.people.StaffDirectory;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.WorkingDayCalendar;

/** The dashboard: the figures for a period, each chart with its table, and the same figures as CSV. */
@Controller
@PreAuthorize(FiguresController.READERS)
class FiguresController {

    static final String READERS = "hasAnyRole('MANAGER','ADMIN')";

    private final Figures figures;
    private final StaffDirectory directory;
    private final WorkingDayCalendar calendar;

    FiguresController(Figures figures, StaffDirectory directory, WorkingDayCalendar calendar) {
        this.figures = figures;
        this.directory = directory;
        this.calendar = calendar;
    }

    @GetMapping("/figures")
    String dashboard(@RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long school, @RequestParam(required = false) String concern, Model model) {
        Period chosen = period != null ? Period.parse(period) : period(figures, from, to);
        model.addAttribute("period", chosen);
        PeriodFigures shown = figures.of(chosen, filter(school, concern));
        model.addAttribute("figures", shown);
        model.addAttribute("choices", Period.choices(calendar.today()));
        model.addAttribute("outcomesInWords", Figures.outcomesInWords(shown.outcomes()));
        model.addAttribute("monthsInWords", Figures.monthsInWords(shown.byMonth()));
        model.addAttribute("weeksInWords", Figures.weeksInWords(shown.byWeek()));
        model.addAttribute("schools", directory.schools());
        model.addAttribute("concerns", Concern.values());
        return "figures/dashboard";
    }

    @GetMapping("/figures.csv")
    void csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long school, @RequestParam(required = false) String concern,
            HttpServletResponse response) throws IOException {
        PeriodFigures shown = figures.of(period(figures, from, to), filter(school, concern));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"tessa-figures-" + shown.from() + "-to-"
                + shown.to() + ".csv\"");
        PrintWriter csv = response.getWriter();
        csv.println("figure,group,value");
        FiguresCsv.rows(shown).forEach(row -> csv.println(String.join(",", row)));
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
