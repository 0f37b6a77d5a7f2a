package org.tessa.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.WorkingDayCalendar;
import org.tessa.tasklist.TaskCompletionCheck;
import org.tessa.tasklist.WorkItem;

/** A plan that continues needs a real next review date in the future. */
@Component
class PlanReviewCheck implements TaskCompletionCheck {

    private final WorkingDayCalendar calendar;

    PlanReviewCheck(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void check(WorkItem task, Map<String, Object> values) {
        if (!PlanProcess.TASK_REVIEW_PLAN.equals(task.taskKey())
                || !PlanReviewOutcome.CONTINUE.name().equals(values.get(PlanProcess.REVIEW_OUTCOME))) {
            return;
        }
        try {
            if (!LocalDate.parse((String) values.get(PlanProcess.NEXT_REVIEW_DATE)).isAfter(calendar.today())) {
                throw new InvalidSubmissionException(PlanProcess.NEXT_REVIEW_DATE, "The next review date must be in the future");
            }
        } catch (DateTimeParseException notADate) {
            throw new InvalidSubmissionException(PlanProcess.NEXT_REVIEW_DATE, "Next review date must be a real date, like 27 3 2027");
        }
    }
}
