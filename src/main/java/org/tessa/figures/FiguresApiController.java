package org.tessa.figures;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The figures as JSON, for the council's own reporting tools. */
@RestController
@PreAuthorize(FiguresController.READERS)
@Tag(name = "Figures")
class FiguresApiController {

    private final Figures figures;

    FiguresApiController(Figures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/figures")
    @Operation(summary = "The figures for a period", description = "Managers and administrators. About the enquiries "
            + "received from `from` to `to` (both included, YYYY-MM-DD; the last complete quarter if absent), "
            + "optionally one school's (`school`, its id) or one concern's (`concern`, e.g. ATTENDANCE). The same "
            + "numbers as the dashboard and the scrutiny report.")
    PeriodFigures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long school, @RequestParam(required = false) String concern) {
        return figures.of(FiguresController.period(figures, from, to), FiguresController.filter(school, concern));
    }
}
