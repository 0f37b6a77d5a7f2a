package org.tessa.tasklist;

import java.util.Map;

/**
 * A feature's business rules for completing one of its tasks, checked after the form's own schema and
 * before the engine is asked to complete the task, so that a refusal is a plain answer to the person
 * (an {@link org.tessa.shared.InvalidSubmissionException}) rather than a failed engine command.
 */
public interface TaskCompletionCheck {

    void check(WorkItem task, Map<String, Object> values);
}
