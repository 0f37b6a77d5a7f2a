package org.tessa.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tessa.shared.InvalidSubmissionException;

class PeriodTest {

    @Test
    void aQuarterIsSetBesideTheQuarterBeforeAndTheSameQuarterAYearEarlier() {
        Period summer = new Period(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));

        assertThat(summer.previous()).isEqualTo(new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)));
        assertThat(summer.yearBefore()).isEqualTo(new Period(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30)));
        assertThat(summer.label()).isEqualTo("July to September 2026");
    }

    @Test
    void aQuarterSoFarIsSetBesideTheSameDaysOfTheQuarterBefore() {
        Period soFar = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 6));

        assertThat(soFar.previous()).isEqualTo(new Period(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 6)));
        assertThat(soFar.label()).isEqualTo("1 October 2026 to 6 December 2026");
    }

    @Test
    void anyOtherPeriodIsSetBesideAsManyDaysBeforeIt() {
        assertThat(new Period(LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 16)).previous())
                .isEqualTo(new Period(LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 9)));
    }

    @Test
    void theLastQuarterIsTheLastOneEnded() {
        assertThat(Period.lastQuarterBefore(LocalDate.of(2026, 12, 6)))
                .isEqualTo(new Period(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)));
        assertThat(Period.lastQuarterBefore(LocalDate.of(2027, 1, 1)))
                .isEqualTo(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void theDashboardOffersThisQuarterThisFinancialYearAndEightQuartersBefore() {
        var choices = Period.choices(LocalDate.of(2026, 12, 6));

        assertThat(choices).hasSize(10);
        assertThat(choices.get(1).label()).isEqualTo("This financial year so far (from April 2026)");
        assertThat(choices.get(2).label()).isEqualTo("July to September 2026");
        assertThat(choices.get(9).label()).isEqualTo("October to December 2024");
        assertThat(Period.parse(choices.get(2).value())).isEqualTo(Period.lastQuarterBefore(LocalDate.of(2026, 12, 6)));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsOrNamesNothingIsRefused() {
        assertThatThrownBy(() -> new Period(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1)))
                .isInstanceOf(InvalidSubmissionException.class);
        assertThatThrownBy(() -> new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(InvalidSubmissionException.class);
        assertThatThrownBy(() -> Period.parse("last-week")).isInstanceOf(InvalidSubmissionException.class);
    }
}
