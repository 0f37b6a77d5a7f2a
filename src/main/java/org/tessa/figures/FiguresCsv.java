package org.tessa.figures;

import static org.tessa.shared.CsvCells.cell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures as rows of a CSV file (figure, group, value), each the same number the API answers under the same
 * name; a figure with groups has a row per group. Cells are quoted; none can start a spreadsheet formula.
 */
final class FiguresCsv {

    private FiguresCsv() {
    }

    static List<String[]> rows(PeriodFigures figures) {
        List<String[]> rows = new ArrayList<>();
        single(rows, "from", figures.from());
        single(rows, "to", figures.to());
        single(rows, "enquiriesReceived", figures.enquiriesReceived());
        single(rows, "ratePer10000Children", figures.ratePer10000Children());
        grouped(rows, "byChannel", figures.byChannel());
        grouped(rows, "bySchool", figures.bySchool());
        grouped(rows, "byConcern", figures.byConcern());
        grouped(rows, "byWeek", figures.byWeek());
        grouped(rows, "byMonth", figures.byMonth());
        single(rows, "triaged", figures.triaged());
        single(rows, "triagedWithinOneWorkingDay", figures.triagedWithinOneWorkingDay());
        single(rows, "triagedWithinOneWorkingDayPercent", figures.triagedWithinOneWorkingDayPercent());
        single(rows, "medianWorkingHoursToTriage", figures.medianWorkingHoursToTriage());
        single(rows, "mashDecisions", figures.mashDecisions());
        single(rows, "mashDecisionsWithinOneWorkingDay", figures.mashDecisionsWithinOneWorkingDay());
        single(rows, "mashDecisionsWithinOneWorkingDayPercent", figures.mashDecisionsWithinOneWorkingDayPercent());
        single(rows, "panelDecisions", figures.panelDecisions());
        single(rows, "medianWorkingDaysFromReferralToPanelDecision",
                figures.medianWorkingDaysFromReferralToPanelDecision());
        grouped(rows, "outcomes", figures.outcomes());
        grouped(rows, "signpostsByPortal", figures.signpostsByPortal());
        single(rows, "reReferrals", figures.reReferrals());
        single(rows, "reReferralRatePercent", figures.reReferralRatePercent());
        single(rows, "openItems", figures.openItems());
        single(rows, "overdueItems", figures.overdueItems());
        grouped(rows, "openWorkByAge", figures.openWorkByAge());
        grouped(rows, "overdueActionsByPartner", figures.overdueActionsByPartner());
        return rows;
    }

    private static void single(List<String[]> rows, String figure, Object value) {
        rows.add(new String[] {cell(figure), cell(""), cell(value == null ? "" : value.toString())});
    }

    private static void grouped(List<String[]> rows, String figure, Map<String, Long> values) {
        values.forEach((group, value) -> rows.add(new String[] {cell(figure), cell(group), cell(value.toString())}));
    }
}
