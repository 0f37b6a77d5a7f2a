package org.tessa.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

/**
 * Dates written in full on pages, in the council's time zone, for templates: {@code ${@pageDates.date(d)}},
 * {@code ${@pageDates.dateAndTime(moment)}}. The zone is the working-day calendar's, named once in configuration.
 */
@Component("pageDates")
public class PageDates {

    private final WorkingDayCalendar calendar;

    PageDates(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** "Tuesday 1 December 2026"; empty when there is no date. */
    public String date(LocalDate date) {
        return date == null ? "" : FullDates.date(date);
    }

    /** "Tuesday 1 December 2026 at 9:30am"; empty when there is no moment. */
    public String dateAndTime(OffsetDateTime moment) {
        return moment == null ? "" : FullDates.dateAndTime(moment, calendar.zone());
    }

    public String dateAndTime(Instant moment) {
        return moment == null ? "" : dateAndTime(moment.atOffset(ZoneOffset.UTC));
    }

    /** The day a moment falls on, in the council's time zone: "Tuesday 1 December 2026". */
    public String date(OffsetDateTime moment) {
        return moment == null ? "" : date(moment.atZoneSameInstant(calendar.zone()).toLocalDate());
    }
}
