package org.tessa.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

import org.tessa.shared.InvalidSubmissionException;

/**
 * The days the figures cover, both included, in the council's time zone. A quarter by default: the last complete
 * one, as a scrutiny committee reviews it.
 */
public record Period(LocalDate from, LocalDate to) {

    /** Longer than this is not a period anyone reports on, and would read a great deal. */
    static final int MOST_YEARS = 5;

    public Period {
        if (from == null || to == null) {
            throw new InvalidSubmissionException(from == null ? "from" : "to", "Enter the first and last day as YYYY-MM-DD");
        }
        if (to.isBefore(from)) {
            throw new InvalidSubmissionException("to", "The last day must be the same as or after the first day");
        }
        if (ChronoUnit.YEARS.between(from, to) >= MOST_YEARS) {
            throw new InvalidSubmissionException("to", "Choose a period of less than " + MOST_YEARS + " years");
        }
    }

    /** The last quarter that has ended by {@code today}. */
    static Period lastQuarterBefore(LocalDate today) {
        LocalDate thisQuarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        return new Period(thisQuarter.minusMonths(3), thisQuarter.minusDays(1));
    }

    /** A period to choose on the dashboard: its value (from_to) and its name. */
    public record Choice(String value, String label) {
    }

    /**
     * The periods people report on: this quarter and this financial year (from 1 April) so far, and the eight
     * quarters before this one, newest first.
     */
    static List<Choice> choices(LocalDate today) {
        List<Choice> choices = new ArrayList<>();
        LocalDate quarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        choices.add(new Period(quarter, today).choice("This quarter so far (" + monthsOf(quarter, today) + ")"));
        LocalDate financialYear = LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1, 4, 1);
        choices.add(new Period(financialYear, today).choice("This financial year so far (from April "
                + financialYear.getYear() + ")"));
        for (int back = 1; back <= 8; back++) {
            LocalDate start = quarter.minusMonths(3L * back);
            LocalDate end = start.plusMonths(3).minusDays(1);
            choices.add(new Period(start, end).choice(monthsOf(start, end)));
        }
        return choices;
    }

    /** The period a dashboard choice names; a value that names none is a form error. */
    static Period parse(String value) {
        String[] days = value == null ? new String[0] : value.split("_");
        try {
            if (days.length == 2) {
                return new Period(LocalDate.parse(days[0]), LocalDate.parse(days[1]));
            }
        } catch (java.time.format.DateTimeParseException notAPeriod) {
            // answered below
        }
        throw new InvalidSubmissionException("period", "Choose a period from the list");
    }

    /** The value a dashboard choice gives this period. */
    public String value() {
        return from + "_" + to;
    }

    /** Its name in words: "July to September 2026", "1 to 15 May 2064". */
    public String label() {
        if (from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1) {
            return monthsOf(from, to);
        }
        return DAY.format(from) + " to " + DAY.format(to);
    }

    private Choice choice(String label) {
        return new Choice(value(), label);
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM", Locale.UK);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static String monthsOf(LocalDate start, LocalDate end) {
        if (YearMonth.from(start).equals(YearMonth.from(end))) {
            return MONTH_YEAR.format(start);
        }
        return (start.getYear() == end.getYear() ? MONTH.format(start) : MONTH_YEAR.format(start)) + " to "
                + MONTH_YEAR.format(end);
    }

    /**
     * The period just before this one. A period that starts on the first of a month steps back by whole months (a
     * quarter so far is set beside the same days of the quarter before); any other steps back by as many days.
     */
    Period previous() {
        if (from.getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(from, to) + 1;
            boolean wholeMonths = to.plusDays(1).getDayOfMonth() == 1;
            return new Period(from.minusMonths(months), wholeMonths ? from.minusDays(1) : to.minusMonths(months));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new Period(from.minusDays(days), from.minusDays(1));
    }

    /** The same days a year earlier. */
    Period yearBefore() {
        return new Period(from.minusYears(1), to.minusYears(1));
    }
}
