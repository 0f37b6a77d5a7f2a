package org.tessa.tasklist;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.NewCaseEvent;
import org.tessa.people.Role;
import org.tessa.people.StaffDirectory;
import org.tessa.people.StaffMember;
import org.tessa.people.Teams;
import org.tessa.people.WorkHandedBack;
import org.tessa.shared.ConflictException;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.RecordNotFoundException;

/**
 * A manager moves a piece of work to another person, or back to its team's queue, with a reason that the case
 * record keeps. Work goes only to someone who could do it: a member of the team whose queue it is in, or for
 * work held by one person outside any queue (a lead professional's), someone in the same role.
 */
@Service
public class Transfers {

    static final int REASON_LENGTH = 1000;

    private final WorkItemRepository items;
    private final WorkItems workItems;
    private final TaskService tasks;
    private final StaffDirectory staff;
    private final Teams teams;
    private final CaseRecord caseRecord;
    private final TaskRaces races;

    Transfers(WorkItemRepository items, WorkItems workItems, TaskService tasks, StaffDirectory staff, Teams teams,
            CaseRecord caseRecord, TaskRaces races) {
        this.items = items;
        this.workItems = workItems;
        this.tasks = tasks;
        this.staff = staff;
        this.teams = teams;
        this.caseRecord = caseRecord;
        this.races = races;
    }

    /** A piece of work as a manager about to move it sees it, with whom it could go to. */
    public record Movable(String taskId, String name, String enquiryReference, String childName, String holder,
            String holderName, String team, String teamName, List<StaffMember> candidates) {
    }

    @Transactional(readOnly = true)
    public Movable movable(String taskId) {
        workItems.catchUp();
        var held = items.held(taskId).orElseThrow(() -> new RecordNotFoundException("Task " + taskId));
        return new Movable(held.taskId(), held.name(), held.enquiryReference(), held.childName(), held.assignee(),
                held.assignee() == null ? null : staff.nameOf(held.assignee()), held.queue(),
                held.queue() == null ? null : teams.nameOf(held.queue()), candidates(held).stream()
                        .filter(person -> !person.getUsername().equals(held.assignee())).toList());
    }

    /** What is wrong with the reason given for moving work, if anything: the form shows it with its other errors. */
    public static Optional<String> reasonProblem(String reason) {
        String why = reason == null ? "" : reason.strip();
        return why.isEmpty() || why.length() > REASON_LENGTH
                ? Optional.of("Write why the work is moving, in up to 1,000 characters") : Optional.empty();
    }

    /**
     * Moves the task from {@code expectedHolder} (null: its queue) to {@code toUsername} (null: back to its queue).
     * If someone claimed, completed or moved it since the manager looked, nothing changes and the 409 says who.
     */
    public void transfer(String taskId, String expectedHolder, String toUsername, String reason, StaffMember manager) {
        reasonProblem(reason).ifPresent(problem -> {
            throw new InvalidSubmissionException("reason", problem);
        });
        String why = reason.strip();
        races.transfer(taskId, () -> {
            workItems.catchUp();
            var held = items.held(taskId).orElseThrow(() -> new RecordNotFoundException("Task " + taskId));
            if (!Objects.equals(held.assignee(), expectedHolder)) {
                throw new ConflictException(held.assignee() == null
                        ? "This work has just been put back in its team's queue. Look again before moving it."
                        : "This work is now held by " + staff.nameOf(held.assignee()) + ". Look again before moving it.");
            }
            if (Objects.equals(toUsername, held.assignee())) {
                throw new InvalidSubmissionException("to", "Choose someone other than who has the work now");
            }
            if (toUsername == null && held.queue() == null) {
                throw new InvalidSubmissionException("to", "This work has no team queue: choose the person to move it to");
            }
            if (toUsername != null && candidates(held).stream().noneMatch(c -> c.getUsername().equals(toUsername))) {
                throw new InvalidSubmissionException("to", "Choose someone who can do this work");
            }
            tasks.setAssignee(taskId, toUsername);
            String from = held.assignee() == null ? "the " + teams.nameOf(held.queue()) + " queue" : staff.nameOf(held.assignee());
            String to = toUsername == null ? "the " + teams.nameOf(held.queue()) + " queue" : staff.nameOf(toUsername);
            if (held.enquiryReference() != null) {
                caseRecord.append(NewCaseEvent.of(held.enquiryReference(), CaseEventKind.WORK_TRANSFERRED,
                        manager.getUsername(), held.name() + " moved from " + from + " to " + to + ". Reason: " + why)
                        .detail("task", held.name()).detail("from", held.assignee()).detail("to", toUsername)
                        .detail("reason", why));
            }
        });
    }

    /**
     * Someone can no longer do their work: each task they hold that belongs to a team's queue goes back to it, with
     * the reason in the case record. Work held outside any queue (a lead professional's) stays theirs until a manager
     * moves it: it shows on the workloads page under their name.
     */
    @EventListener
    void handBack(WorkHandedBack handedBack) {
        workItems.catchUp();
        for (var held : items.heldBy(handedBack.username())) {
            if (held.queue() == null) {
                continue;
            }
            tasks.setAssignee(held.taskId(), null);
            if (held.enquiryReference() != null) {
                caseRecord.append(NewCaseEvent.of(held.enquiryReference(), CaseEventKind.WORK_TRANSFERRED, handedBack.by(),
                        held.name() + " went back to the " + teams.nameOf(held.queue()) + " queue: " + handedBack.why())
                        .detail("task", held.name()).detail("from", handedBack.username()).detail("reason", handedBack.why()));
            }
        }
    }

    private List<StaffMember> candidates(WorkItemRepository.Held held) {
        if (held.queue() != null) {
            return Role.workersOf(held.queue()).map(staff::withRole)
                    .orElseGet(() -> staff.withRole(Role.PARTNER)).stream()
                    .filter(person -> person.workQueues().contains(held.queue())).toList();
        }
        return Optional.ofNullable(held.assignee()).flatMap(staff::find)
                .map(holder -> staff.withRole(holder.role())).orElse(List.of());
    }


}
