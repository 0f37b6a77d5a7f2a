package org.tessa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final WorkingDayCalendar calendar = calendar(List.of());

    @Test
    void aWeekdayIsFollowedByTheNextWeekday() {
        assertThat(calendar.addWorkingDays(london("2026-11-23T10:15"), 1)).isEqualTo(london("2026-11-24T10:15"));
    }

    @Test
    void fridayPlusOneWorkingDayIsMonday() {
        assertThat(calendar.addWorkingDays(london("2026-11-20T16:00"), 1)).isEqualTo(london("2026-11-23T16:00"));
    }

    @Test
    void aWeekendEnquiryIsDueOnTheFirstWorkingDayAfterIt() {
        assertThat(calendar.addWorkingDays(london("2026-11-21T09:00"), 1)).isEqualTo(london("2026-11-23T09:00"));
    }

    @Test
    void christmasBoxingDayAndTheSubstituteBankHolidayAreSkipped() {
        // 25 December 2026 is a Friday; Boxing Day falls on Saturday, so Monday 28 December is the bank holiday.
        assertThat(calendar.addWorkingDays(london("2026-12-24T11:00"), 1)).isEqualTo(london("2026-12-29T11:00"));
    }

    @Test
    void lateNessCountsTheWorkingDaysBegunSinceTheDueDateAcrossAWeekendAndABankHoliday() {
        assertThat(calendar.workingDaysAfter(london("2026-12-24T11:00"), london("2026-12-24T16:00"))).isZero();
        // Thursday 24 December; Friday 25 and Monday 28 are bank holidays, the weekend between: Tuesday is one day late.
        assertThat(calendar.workingDaysAfter(london("2026-12-24T11:00"), london("2026-12-29T09:00"))).isEqualTo(1);
        assertThat(calendar.workingDaysAfter(london("2026-12-24T11:00"), london("2026-12-31T09:00"))).isEqualTo(3);
    }

    @Test
    void workingTimeLeavesOutWeekendsAndBankHolidays() {
        assertThat(calendar.workingTimeBetween(london("2026-11-20T16:00"), london("2026-11-23T10:00")))
                .as("Friday 16:00 to Monday 10:00").isEqualTo(java.time.Duration.ofHours(18));
        assertThat(calendar.workingTimeBetween(london("2026-12-24T15:00"), london("2026-12-29T09:00")))
                .as("Christmas Eve to the Tuesday after two bank holidays and a weekend").isEqualTo(java.time.Duration.ofHours(18));
        assertThat(calendar.workingTimeBetween(london("2026-11-23T09:00"), london("2026-11-23T09:00"))).isZero();
    }

    @Test
    void goodFridayAndEasterMondayAreSkipped() {
        assertThat(calendar.addWorkingDays(london("2026-04-02T11:00"), 1)).isEqualTo(london("2026-04-07T11:00"));
    }

    @Test
    void englandAndWalesHolidaysOnlyNotScotlands() {
        // 2 January is a bank holiday in Scotland only; St Andrew's Day (30 November 2026, a Monday) likewise.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 30))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 31))).as("summer bank holiday in England").isFalse();
    }

    @Test
    void closuresTheCouncilDeclaresAreNotWorkingDays() {
        WorkingDayCalendar withClosure = calendar(List.of(LocalDate.of(2026, 11, 24)));
        assertThat(withClosure.addWorkingDays(london("2026-11-23T10:00"), 1)).isEqualTo(london("2026-11-25T10:00"));
    }

    @Test
    void fortyFiveWorkingDaysSpanNineWeeksWithoutHolidays() {
        assertThat(calendar.addWorkingDays(london("2026-09-07T09:00"), 45)).isEqualTo(london("2026-11-09T09:00"));
    }

    @Test
    void keepsTheLocalTimeAcrossTheClockChange() {
        // British Summer Time ends on Sunday 25 October 2026.
        assertThat(calendar.addWorkingDays(london("2026-10-23T09:00"), 1)).isEqualTo(london("2026-10-26T09:00"));
    }

    @Test
    void aCutOffTwoWorkingDaysBeforeATuesdayMeetingIsTheFridayBefore() {
        assertThat(calendar.subtractWorkingDays(london("2026-11-24T10:00"), 2)).isEqualTo(london("2026-11-20T10:00"));
    }

    @Test
    void aCutOffSkipsBankHolidaysBackwards() {
        // Tuesday 29 December 2026: Monday 28 and Friday 25 are bank holidays.
        assertThat(calendar.subtractWorkingDays(london("2026-12-29T10:00"), 2)).isEqualTo(london("2026-12-23T10:00"));
    }

    private static WorkingDayCalendar calendar(List<LocalDate> closures) {
        return new WorkingDayCalendar(new CalendarProperties(LONDON, "UNITED_KINGDOM", "eng", closures),
                Clock.systemUTC());
    }

    private static Instant london(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }
}
