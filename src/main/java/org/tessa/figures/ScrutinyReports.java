package org.tessa.figures;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.people.StaffMember;
import org.tessa.shared.Glossary;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.Pdfs;

/**
 * Builds the scrutiny report from {@link Figures}, so that its numbers are the dashboard's and the API's, and keeps
 * officers' commentary for each period. The acronym table is found by reading the report as it is printed.
 */
@Service
public class ScrutinyReports {

    static final String BODY_TEMPLATE = "figures/report-body";
    static final String PDF_TEMPLATE = "figures/report-pdf";
    static final int COMMENTARY_LENGTH = 10_000;

    private final Figures figures;
    private final Glossary glossary;
    private final Pdfs pdfs;
    private final ReportStyles styles;
    private final JdbcClient jdbc;
    private final Clock clock;

    ScrutinyReports(Figures figures, Glossary glossary, Pdfs pdfs, ReportStyles styles, JdbcClient jdbc, Clock clock) {
        this.glossary = glossary;
        this.styles = styles;
        this.figures = figures;
        this.pdfs = pdfs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ScrutinyReport report(Period period) {
        PeriodFigures now = figures.of(period, PeriodFigures.Filter.NONE);
        PeriodFigures before = figures.of(period.previous(), PeriodFigures.Filter.NONE);
        PeriodFigures lastYear = figures.of(period.yearBefore(), PeriodFigures.Filter.NONE);
        List<ScrutinyReport.Headline> headlines = new ArrayList<>();
        headline(headlines, "Enquiries received (contacts)", now, before, lastYear, f -> count(f.enquiriesReceived()));
        headline(headlines, "Enquiries per 10,000 children", now, before, lastYear, f -> number(f.ratePer10000Children()));
        headline(headlines, "Triaged within 1 working day", now, before, lastYear,
                f -> percent(f.triagedWithinOneWorkingDayPercent()));
        headline(headlines, "Median working time to triage", now, before, lastYear,
                f -> f.medianWorkingHoursToTriage() == null ? "none" : number(f.medianWorkingHoursToTriage()) + " hours");
        headline(headlines, "MASH decisions within 1 working day", now, before, lastYear,
                f -> percent(f.mashDecisionsWithinOneWorkingDayPercent()));
        headline(headlines, "Median time from referral to WFP decision", now, before, lastYear,
                f -> f.medianWorkingDaysFromReferralToPanelDecision() == null ? "none"
                        : number(f.medianWorkingDaysFromReferralToPanelDecision()) + " working days");
        headline(headlines, "Re-referral rate (another enquiry in the 12 months before)", now, before, lastYear,
                f -> percent(f.reReferralRatePercent()));
        Figures.outcomesInWords(now.outcomes()).keySet().forEach(outcome -> headline(headlines, "Outcome: " + outcome,
                now, before, lastYear, f -> count(Figures.outcomesInWords(f.outcomes()).get(outcome))));
        List<ScrutinyReport.Chart> charts = List.of(
                chart("Enquiries by month", "Month", Figures.monthsInWords(now.byMonth())),
                chart("Enquiries by concern", "Concern", now.byConcern()),
                chart("Enquiries by school", "School", now.bySchool()),
                chart("Enquiries by how they arrived", "How", now.byChannel()),
                chart("Outcomes", "Outcome", Figures.outcomesInWords(now.outcomes())),
                chart("Signposts by portal", "Portal", now.signpostsByPortal()));
        ScrutinyReport report = new ScrutinyReport(period, period.previous(), period.yearBefore(), now, headlines, charts,
                commentary(period), Map.of());
        String printed = pdfs.html(BODY_TEMPLATE, Map.of("report", report)).replaceAll("<[^>]+>", " ");
        return report.withAcronyms(glossary.usedIn(printed));
    }

    public byte[] pdf(Period period) {
        return pdfs.render(PDF_TEMPLATE, Map.of("report", report(period), "reportCss", styles.css()));
    }

    /** Officers' commentary for the period, replacing what was written before. */
    @Transactional
    public void comment(Period period, String commentary, StaffMember officer) {
        String text = commentary == null ? "" : commentary.strip();
        if (text.isEmpty() || text.length() > COMMENTARY_LENGTH) {
            throw new InvalidSubmissionException("commentary", "Write the commentary, in up to 10,000 characters");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                update scrutiny_commentary set commentary = ?, written_by = ?, written_at = ?
                where period_from = ? and period_to = ?""")
                .params(text, officer.displayName(), now, period.from(), period.to()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into scrutiny_commentary (period_from, period_to, commentary, written_by, written_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(period.from(), period.to(), text, officer.displayName(), now).update();
        }
    }

    private ScrutinyReport.Commentary commentary(Period period) {
        return jdbc.sql("""
                select commentary, written_by, written_at from scrutiny_commentary
                where period_from = ? and period_to = ?""")
                .params(period.from(), period.to())
                .query((rs, row) -> new ScrutinyReport.Commentary(rs.getString("commentary"), rs.getString("written_by"),
                        rs.getObject("written_at", OffsetDateTime.class).toInstant()))
                .optional().orElse(null);
    }

    private static void headline(List<ScrutinyReport.Headline> headlines, String figure, PeriodFigures now,
            PeriodFigures before, PeriodFigures lastYear, Function<PeriodFigures, String> value) {
        headlines.add(new ScrutinyReport.Headline(figure, value.apply(now), value.apply(before), value.apply(lastYear)));
    }

    private static ScrutinyReport.Chart chart(String title, String groupHeader, Map<String, Long> values) {
        long widest = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new ScrutinyReport.Chart(title, groupHeader, values.entrySet().stream()
                .map(entry -> new ScrutinyReport.Bar(entry.getKey(), entry.getValue(),
                        widest == 0 ? 0 : (int) (Math.round(entry.getValue() * 20.0 / widest) * 5)))
                .toList());
    }

    private static String count(Long value) {
        return value == null ? "0" : String.format("%,d", value);
    }

    private static String number(Double value) {
        return value == null ? "none" : value % 1 == 0 ? String.format("%,d", value.longValue()) : value.toString();
    }

    private static String percent(Double value) {
        return value == null ? "none" : number(value) + "%";
    }
}
