package org.tessa.tasklist;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tessa.people.StaffMember;
import org.tessa.shared.ConflictException;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.RecordNotFoundException;

/**
 * Claims and completions that lose a race to another request. Two people claiming one task, or one person
 * completing it twice (a double click, two tabs), both pass the checks before either commits; the engine then
 * refuses the second (an optimistic lock, a duplicate key, a task already gone). The change runs in its own
 * transaction; when it fails, the task is read again in a fresh one, and if someone else's change explains the
 * failure the caller hears who did what (409), with nothing half-done. Any other failure is passed on.
 */
@Component
class TaskRaces {

    private final TransactionTemplate change;
    private final TransactionTemplate freshRead;
    private final TaskService tasks;
    private final HistoryService history;

    TaskRaces(PlatformTransactionManager transactions, TaskService tasks, HistoryService history) {
        this.change = new TransactionTemplate(transactions);
        this.freshRead = new TransactionTemplate(transactions);
        this.freshRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.freshRead.setReadOnly(true);
        this.tasks = tasks;
        this.history = history;
    }

    /** A claim; losing to the same person's other request is no failure: they hold the task either way. */
    void claim(String taskId, StaffMember person, Runnable claim) {
        try {
            change.executeWithoutResult(status -> claim.run());
        } catch (ConflictException | InvalidSubmissionException | RecordNotFoundException answered) {
            throw answered;
        } catch (RuntimeException failed) {
            Task now = freshRead.execute(status -> tasks.createTaskQuery().taskId(taskId).singleResult());
            if (now != null && person.getUsername().equals(now.getAssignee())) {
                return;
            }
            throw explained(taskId, now, failed);
        }
    }

    /** A manager's move of someone's work; losing to a claim or a completion says who got there first. */
    void transfer(String taskId, Runnable transfer) {
        try {
            change.executeWithoutResult(status -> transfer.run());
        } catch (ConflictException | InvalidSubmissionException | RecordNotFoundException answered) {
            throw answered;
        } catch (RuntimeException failed) {
            throw explained(taskId, freshRead.execute(status -> tasks.createTaskQuery().taskId(taskId).singleResult()),
                    failed);
        }
    }

    /** A completion; one that finds the task already completed by the same person says so, not "not found". */
    void complete(String taskId, StaffMember person, Runnable completion) {
        try {
            change.executeWithoutResult(status -> completion.run());
        } catch (RecordNotFoundException missing) {
            HistoricTaskInstance done = completed(taskId);
            if (done != null && person.getUsername().equals(done.getAssignee())) {
                throw new ConflictException("You have already completed this task. Nothing more was saved.");
            }
            throw missing;
        } catch (ConflictException | InvalidSubmissionException answered) {
            throw answered;
        } catch (RuntimeException failed) {
            Task now = freshRead.execute(status -> tasks.createTaskQuery().taskId(taskId).singleResult());
            if (now != null && person.getUsername().equals(now.getAssignee()) && !lostARace(failed)) {
                // still theirs and nobody got there first: a failure of its own, not "claimed by" themselves
                throw failed;
            }
            throw explained(taskId, now, failed);
        }
    }

    private RuntimeException explained(String taskId, Task now, RuntimeException failed) {
        if (now == null) {
            HistoricTaskInstance done = completed(taskId);
            if (done != null) {
                return new ConflictException("This task has already been completed"
                        + (done.getAssignee() == null ? "" : " by " + done.getAssignee()) + ". Nothing more was saved.");
            }
            return new RecordNotFoundException("Task " + taskId);
        }
        if (now.getAssignee() != null) {
            return new ConflictException("This task has just been claimed by " + now.getAssignee() + ".");
        }
        return failed;
    }

    /** Whether the failure is the engine's or the database's word that another change got there first. */
    private static boolean lostARace(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.camunda.bpm.engine.OptimisticLockingException
                    || cause instanceof org.springframework.dao.ConcurrencyFailureException) {
                return true;
            }
        }
        return false;
    }

    private HistoricTaskInstance completed(String taskId) {
        return freshRead.execute(status -> history.createHistoricTaskInstanceQuery().taskId(taskId).finished()
                .singleResult());
    }
}
