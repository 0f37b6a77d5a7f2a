package org.tessa.shared;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.stereotype.Component;

/**
 * The one place that knows which days are working days: not a weekend, not a bank holiday of the
 * configured region, not a closure the council declared. Every timescale in TESSA is counted here.
 */
@Component
public class WorkingDayCalendar {

    private static final java.time.LocalTime END_OF_WORKING_DAY = java.time.LocalTime.of(17, 0);

    private final HolidayManager holidays;
    private final String region;
    private final Set<LocalDate> extraClosures;
    private final ZoneId zone;
    private final Clock clock;

    public WorkingDayCalendar(CalendarProperties properties, Clock clock) {
        this.holidays = HolidayManager.getInstance(
                ManagerParameters.create(HolidayCalendar.valueOf(properties.country())));
        this.region = properties.region();
        this.extraClosures = new HashSet<>(properties.extraClosures());
        this.zone = properties.zone();
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !extraClosures.contains(date)
                && !holidays.isHoliday(date, region);
    }

    /**
     * The moment {@code workingDays} working days after {@code start}, at the same time of day:
     * the deadline for something that must be done "within N working days" of {@code start}.
     */
    public Instant addWorkingDays(Instant start, int workingDays) {
        ZonedDateTime moment = start.atZone(zone);
        int counted = 0;
        while (counted < workingDays) {
            moment = moment.plusDays(1);
            if (isWorkingDay(moment.toLocalDate())) {
                counted++;
            }
        }
        return moment.toInstant();
    }

    /**
     * The moment {@code workingDays} working days before {@code end}, at the same time of day: the last
     * moment to be in time for something that needs that much notice (a panel agenda's cut-off).
     */
    public Instant subtractWorkingDays(Instant end, int workingDays) {
        ZonedDateTime moment = end.atZone(zone);
        int counted = 0;
        while (counted < workingDays) {
            moment = moment.minusDays(1);
            if (isWorkingDay(moment.toLocalDate())) {
                counted++;
            }
        }
        return moment.toInstant();
    }

    /**
     * How many working days have begun since {@code from}'s date, up to and including {@code to}'s: 0 on the
     * same day, 1 on the next working day. How late something due at {@code from} is at {@code to}.
     */
    public long workingDaysAfter(Instant from, Instant to) {
        LocalDate day = dateOf(from);
        LocalDate last = dateOf(to);
        long counted = 0;
        while (day.isBefore(last)) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return counted;
    }

    /**
     * The part of the time from {@code from} to {@code to} that falls on working days: weekends, bank holidays
     * and closures do not count. Friday 16:00 to Monday 10:00 is 18 hours.
     */
    public java.time.Duration workingTimeBetween(Instant from, Instant to) {
        java.time.Duration counted = java.time.Duration.ZERO;
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        while (start.isBefore(end)) {
            ZonedDateTime nextDay = start.toLocalDate().plusDays(1).atStartOfDay(zone);
            ZonedDateTime stop = nextDay.isBefore(end) ? nextDay : end;
            if (isWorkingDay(start.toLocalDate())) {
                counted = counted.plus(java.time.Duration.between(start, stop));
            }
            start = stop;
        }
        return counted;
    }

    /** When a working day ends: the time of day by which something due "on" a date must be done. */
    public Instant endOfWorkingDay(LocalDate date) {
        return date.atTime(END_OF_WORKING_DAY).atZone(zone).toInstant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public ZoneId zone() {
        return zone;
    }
}
