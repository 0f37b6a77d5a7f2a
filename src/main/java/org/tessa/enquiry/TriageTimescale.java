package org.tessa.enquiry;

import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tessa.shared.WorkingDayCalendar;

/** When triage of an enquiry is due: a configured number of working days (one by default) after it arrived. */
@Component
class TriageTimescale {

    private final WorkingDayCalendar calendar;
    private final int workingDays;

    TriageTimescale(WorkingDayCalendar calendar, @Value("${tessa.triage.working-days-to-decide}") int workingDays) {
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    Instant dueFor(Instant receivedAt) {
        return calendar.addWorkingDays(receivedAt, workingDays);
    }
}
