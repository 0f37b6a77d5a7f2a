package org.tessa.figures;

import java.time.LocalDate;
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

    /** The period just before this one: as many whole months, if it is whole months (a quarter), else as many days. */
    Period previous() {
        if (from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
            return new Period(from.minusMonths(months), from.minusDays(1));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new Period(from.minusDays(days), from.minusDays(1));
    }

    /** The same days a year earlier. */
    Period yearBefore() {
        return new Period(from.minusYears(1), to.minusYears(1));
    }
}
