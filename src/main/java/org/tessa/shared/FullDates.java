package org.tessa.shared;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates written in full, as GOV.UK style asks: "Tuesday 1 December 2026", "Tuesday 1 December 2026 at 9:30am". */
public final class FullDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private FullDates() {
    }

    public static String date(LocalDate date) {
        return date.format(DATE);
    }

    /** The moment in the council's time zone, with the time as GOV.UK writes it (9:30am, 5pm for 5:00pm). */
    public static String dateAndTime(OffsetDateTime moment, ZoneId zone) {
        var local = moment.atZoneSameInstant(zone);
        String time = local.format(TIME).toLowerCase(Locale.UK).replace(":00", "");
        return local.format(DATE) + " at " + time;
    }
}
