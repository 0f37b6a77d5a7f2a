package org.tessa.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * When each step a person owns is due, counted on the working-day calendar from the configured timescales
 * ({@code tessa.timescales}). A BPMN user task names its step in its due date, for example
 * {@code camunda:dueDate="${timescales.due('chase-mash-decision')}"}, so every task has one and the drift
 * list can see it slip.
 */
@Component("timescales")
public class Timescales {

    private final TimescaleProperties properties;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    Timescales(TimescaleProperties properties, WorkingDayCalendar calendar, Clock clock) {
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** When a step starting now is due; a step without a configured timescale is a mistake in the model. */
    public Date due(String step) {
        return Date.from(dueFrom(clock.instant(), step));
    }

    /** When a step starting at {@code start} is due. */
    public Instant dueFrom(Instant start, String step) {
        Integer workingDays = properties.workingDays().get(step);
        if (workingDays == null) {
            throw new IllegalStateException("No timescale is configured for the step '" + step
                    + "': set tessa.timescales.working-days." + step);
        }
        return calendar.addWorkingDays(start, workingDays);
    }

    /** How soon an enquiry about a child at immediate risk must be triaged: within hours, the same day. */
    public Duration immediateRiskTriage() {
        return properties.immediateRiskTriage();
    }
}
