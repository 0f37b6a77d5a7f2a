package org.tessa.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a person typed in the GOV.UK date input's three boxes, read as a date: a real day and month and a
 * four-digit year, so that a typing slip (a year of 999999999) is a form error rather than a date the
 * database cannot store.
 */
public final class DateBoxes {

    private DateBoxes() {
    }

    public static Optional<LocalDate> parse(String day, String month, String year) {
        if (day == null || month == null || year == null) {
            return Optional.empty();
        }
        String d = day.strip();
        String m = month.strip();
        String y = year.strip();
        if (!d.matches("\\d{1,2}") || !m.matches("\\d{1,2}") || !y.matches("\\d{4}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }
}
