package org.tessa.figures;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The performance report for the scrutiny committee: a period's headline figures beside the period before and
 * the same period a year earlier, the charts, officers' commentary, and every acronym it uses with its meaning.
 */
public record ScrutinyReport(Period period, Period previous, Period yearBefore, PeriodFigures figures,
        List<Headline> headlines, List<Chart> charts, Commentary commentary, Map<String, String> acronyms) {

    /** One headline figure in the three periods, written as the report prints it. */
    public record Headline(String figure, String now, String before, String yearBefore) {
    }

    /** A chart as the report prints it: bars whose widths are a twentieth of the largest at a time. */
    public record Chart(String title, String groupHeader, List<Bar> bars) {
    }

    /** @param width  the bar's share of the widest, rounded to 5 (0 to 100), named in a CSS class */
    public record Bar(String label, long value, int width) {
    }

    /** What officers wrote about the period, if they have. */
    public record Commentary(String text, String writtenBy, Instant writtenAt) {
    }

    ScrutinyReport withAcronyms(Map<String, String> used) {
        return new ScrutinyReport(period, previous, yearBefore, figures, headlines, charts, commentary, used);
    }
}
