package org.tessa.enquiry;

import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tessa.shared.Timescales;
import org.tessa.shared.WorkingDayCalendar;

/**
 * When triage of an enquiry is due: a configured number of working days (one by default) after it arrived, or,
 * for a child who may be at immediate risk, within the configured hours of the same day.
 */
@Component
class TriageTimescale {

    private final WorkingDayCalendar calendar;
    private final Timescales timescales;
    private final int workingDays;

    TriageTimescale(WorkingDayCalendar calendar, Timescales timescales,
            @Value("${tessa.triage.working-days-to-decide}") int workingDays) {
        this.calendar = calendar;
        this.timescales = timescales;
        this.workingDays = workingDays;
    }

    Instant dueFor(Instant receivedAt, boolean immediateRisk) {
        return immediateRisk ? receivedAt.plus(timescales.immediateRiskTriage())
                : calendar.addWorkingDays(receivedAt, workingDays);
    }
}
