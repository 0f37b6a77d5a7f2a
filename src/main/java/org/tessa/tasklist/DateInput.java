package org.tessa.tasklist;

import java.time.LocalDate;
import java.util.List;

import org.springframework.util.MultiValueMap;
import org.tessa.shared.DateBoxes;

/**
 * The GOV.UK date input's three boxes for a form-js date field {@code key}, sent as {@code key-day},
 * {@code key-month} and {@code key-year}, and the ISO date (2027-03-27) that form-js itself would submit.
 */
record DateInput(String day, String month, String year) {

    static final DateInput EMPTY = new DateInput("", "", "");

    static DateInput from(MultiValueMap<String, String> submitted, String key) {
        return new DateInput(box(submitted, key + "-day"), box(submitted, key + "-month"), box(submitted, key + "-year"));
    }

    boolean isBlank() {
        return day.isEmpty() && month.isEmpty() && year.isEmpty();
    }

    /** The ISO date; when the boxes do not make a real date, what was typed, which the form's check refuses. */
    String value() {
        return DateBoxes.parse(day, month, year).map(LocalDate::toString).orElse(year + "-" + month + "-" + day);
    }

    private static String box(MultiValueMap<String, String> submitted, String name) {
        List<String> sent = submitted.get(name);
        return sent == null || sent.isEmpty() || sent.get(0) == null ? "" : sent.get(0).strip();
    }
}
