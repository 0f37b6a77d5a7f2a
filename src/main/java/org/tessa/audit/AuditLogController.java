package org.tessa.audit;

import static org.tessa.shared.CsvCells.cell;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for administrators: who read, listed, changed or was refused which record, searched by
 * person, by child, by record and by date, on a page or as CSV. Each search is itself written to the log.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditLogController {

    static final String AUDIT_VIEW = "admin/audit";
    private static final int ON_A_PAGE = 500;
    private static final int IN_A_FILE = 100_000;

    private final AuditLog audit;
    private final List<ChildRecords> childRecords;
    private final ZoneId zone;

    AuditLogController(AuditLog audit, List<ChildRecords> childRecords, @Value("${tessa.calendar.zone}") ZoneId zone) {
        this.audit = audit;
        this.childRecords = childRecords;
        this.zone = zone;
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam Map<String, String> criteria, @AuthenticationPrincipal UserDetails admin, Model model) {
        Search search = Search.of(criteria, zone);
        model.addAttribute("criteria", criteria);
        model.addAttribute("fieldErrors", search.problems());
        model.addAttribute("errors", search.problems().entrySet().stream()
                .map(problem -> new org.tessa.shared.FieldProblem(problem.getKey(), problem.getValue())).toList());
        model.addAttribute("searched", !criteria.isEmpty() && search.problems().isEmpty());
        model.addAttribute("entries", !criteria.isEmpty() && search.problems().isEmpty()
                ? find(search, admin, ON_A_PAGE) : List.of());
        model.addAttribute("limit", ON_A_PAGE);
        return AUDIT_VIEW;
    }

    @GetMapping("/admin/audit.csv")
    void export(@RequestParam Map<String, String> criteria, @AuthenticationPrincipal UserDetails admin,
            HttpServletResponse response) throws IOException {
        Search search = Search.of(criteria, zone);
        if (!search.problems().isEmpty()) {
            response.sendError(400, search.problems().values().iterator().next());
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"tessa-audit-log.csv\"");
        PrintWriter csv = response.getWriter();
        csv.println("when,who,action,record type,record,why");
        for (AuditEvent entry : find(search, admin, IN_A_FILE)) {
            csv.println(String.join(",", cell(entry.occurredAt().atZoneSameInstant(zone).toOffsetDateTime().toString()),
                    cell(entry.username()), cell(entry.action()), cell(entry.recordType()), cell(entry.recordReference()),
                    cell(entry.purpose())));
        }
    }

    private List<AuditEvent> find(Search search, UserDetails admin, int limit) {
        Collection<String> references = null;
        if (search.reference() != null) {
            references = List.of(search.reference());
        }
        if (search.child() != null) {
            List<String> about = new ArrayList<>();
            childRecords.forEach(records -> about.addAll(records.referencesAbout(search.child())));
            references = references == null ? about : about.stream().filter(references::contains).toList();
        }
        return audit.search(admin.getUsername(), search.person(), references, search.from(), search.to(), limit);
    }


    /** What the administrator searched for; each criterion left blank matches everything. */
    record Search(String person, String child, String reference, OffsetDateTime from, OffsetDateTime to,
            Map<String, String> problems) {

        static Search of(Map<String, String> criteria, ZoneId zone) {
            Map<String, String> problems = new LinkedHashMap<>();
            LocalDate from = date(criteria, "from", "Enter the first day as a real date, like 1 11 2026", problems);
            LocalDate to = date(criteria, "to", "Enter the last day as a real date, like 30 11 2026", problems);
            return new Search(text(criteria, "person"), text(criteria, "child"), text(criteria, "reference"),
                    from == null ? null : from.atStartOfDay(zone).toOffsetDateTime(),
                    to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), problems);
        }

        private static LocalDate date(Map<String, String> criteria, String prefix, String problem,
                Map<String, String> problems) {
            String day = text(criteria, prefix + "Day");
            String month = text(criteria, prefix + "Month");
            String year = text(criteria, prefix + "Year");
            if (day == null && month == null && year == null) {
                return null;
            }
            var date = org.tessa.shared.DateBoxes.parse(day, month, year);
            if (date.isEmpty()) {
                problems.put(prefix + "Day", problem);
            }
            return date.orElse(null);
        }

        private static String text(Map<String, String> criteria, String name) {
            String value = criteria.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
