package org.tessa.tasklist;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.TaskCard;

/**
 * Keeps {@code work_item} in step with the engine's user tasks, in the transaction that changes them.
 * The engine reports each task event (created, assigned, updated, completed, deleted); the tasks touched
 * are read back from the engine just before the transaction commits, when every listener has run, so
 * the row holds what the engine holds. A task created in this transaction and not touched since is written
 * from what the engine held when it reported it, without reading it back: that is every enquiry's intake.
 * A rebuild regenerates the table from the engine.
 */
@Service
public class WorkItems implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorkItems.class);
    private static final int REBUILD_BATCH = 500;

    private final WorkItemRepository items;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final EnquiryService enquiries;
    private final Clock clock;

    WorkItems(WorkItemRepository items, TaskService tasks, RuntimeService runtime, EnquiryService enquiries,
            Clock clock) {
        this.items = items;
        this.tasks = tasks;
        this.runtime = runtime;
        this.enquiries = enquiries;
        this.clock = clock;
    }

    /** The engine's task events, published as Spring events inside the engine's transaction. */
    @EventListener
    void taskEvent(DelegateTask task) {
        Touch touch = new Touch(task.getEventName(), TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
                ? created(task) : Optional.empty());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(task.getId(), touch);
            return;
        }
        pending().orElseGet(this::registerPending).touched.put(task.getId(), touch);
    }

    /** The last event of a task in this transaction and, if that was its creation, the task as created. */
    private record Touch(String event, Optional<Created> created) {
    }

    /** A new task as the engine holds it in memory when it reports the creation. */
    private record Created(String name, String taskKey, String formKey, String processInstanceId, String businessKey,
            String queue, String assignee, Instant created, Instant due) {
    }

    private static Optional<Created> created(DelegateTask task) {
        UserTask model = task.getBpmnModelElementInstance();
        if (model == null) {
            return Optional.empty();
        }
        String queue = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().findFirst().orElse(null);
        return Optional.of(new Created(task.getName(), task.getTaskDefinitionKey(),
                model.getCamundaFormRef() != null ? model.getCamundaFormRef() : model.getCamundaFormKey(),
                task.getProcessInstanceId(), task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
                queue, task.getAssignee(), task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant()));
    }

    private void write(String taskId, Touch touch) {
        touch.created().ifPresentOrElse(created -> items.insert(row(taskId, created.name(), created.taskKey(),
                        created.formKey(), created.processInstanceId(), created.businessKey(), created.queue(),
                        created.assignee(), created.created(), created.due(), true)),
                () -> refresh(taskId, touch.event()));
    }

    /**
     * Brings the rows of the tasks this transaction has touched up to date now, rather than just before it
     * commits: for a step that reads the work list after changing a task in the same transaction.
     */
    void catchUp() {
        pending().ifPresent(PendingRefresh::refreshNow);
    }

    /**
     * The tasks touched in this transaction, kept in a synchronization of its own: Spring suspends those
     * with their transaction, so a nested REQUIRES_NEW transaction keeps its own list.
     */
    private Optional<PendingRefresh> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(PendingRefresh.class::isInstance).map(PendingRefresh.class::cast).findFirst();
    }

    private PendingRefresh registerPending() {
        PendingRefresh pending = new PendingRefresh();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private final class PendingRefresh implements TransactionSynchronization {

        private final Map<String, Touch> touched = new LinkedHashMap<>();

        void refreshNow() {
            touched.forEach(WorkItems.this::write);
            touched.clear();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            refreshNow();
        }
    }

    /** Regenerates the table from the engine: every open task is read again, and rows without one are closed. */
    @Transactional
    public long rebuild() {
        long seen = 0;
        for (int first = 0; ; first += REBUILD_BATCH) {
            List<Task> batch = tasks.createTaskQuery().orderByTaskCreateTime().asc().orderByTaskId().asc()
                    .listPage(first, REBUILD_BATCH);
            batch.forEach(task -> refresh(task.getId(), TaskListener.EVENTNAME_UPDATE));
            seen += batch.size();
            if (batch.size() < REBUILD_BATCH) {
                break;
            }
        }
        items.openTaskIds().stream().filter(id -> tasks.createTaskQuery().taskId(id).count() == 0)
                .forEach(id -> items.finish(id, "cancelled", clock.instant()));
        return seen;
    }

    /** An open work item that does not match the engine's task, or a task with no work item. */
    public record OutOfStep(String taskId, String enquiryReference, String problem) {
    }

    /** Compares the open work items with the engine's tasks, one by one. */
    @Transactional(readOnly = true)
    public List<OutOfStep> outOfStep() {
        Map<String, Task> engine = new LinkedHashMap<>();
        for (int first = 0; ; first += REBUILD_BATCH) {
            List<Task> batch = tasks.createTaskQuery().orderByTaskId().asc().listPage(first, REBUILD_BATCH);
            batch.forEach(task -> engine.put(task.getId(), task));
            if (batch.size() < REBUILD_BATCH) {
                break;
            }
        }
        List<OutOfStep> found = new java.util.ArrayList<>();
        for (String id : items.openTaskIds()) {
            Task task = engine.remove(id);
            WorkItem item = items.open(id).orElseThrow();
            if (task == null) {
                found.add(new OutOfStep(id, item.enquiryReference(), "The work list shows a task the engine no longer has"));
            } else if (!java.util.Objects.equals(task.getAssignee(), item.assignee())) {
                found.add(new OutOfStep(id, item.enquiryReference(), "The work list and the engine disagree about who holds it"));
            }
        }
        engine.values().forEach(task -> found.add(new OutOfStep(task.getId(), null,
                "The engine has a task the work list does not show")));
        return found;
    }

    /** At start-up (an upgrade, or a database restored from backup) the table is rebuilt if it is out of step. */
    @Override
    public void run(ApplicationArguments arguments) {
        long open = tasks.createTaskQuery().count();
        if (open != items.openCount()) {
            log.info("The work list holds {} open items and the engine {} tasks: rebuilding it", items.openCount(), open);
            rebuild();
        }
    }

    private void refresh(String taskId, String lastEvent) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            items.finish(taskId, TaskListener.EVENTNAME_COMPLETE.equals(lastEvent) ? "completed" : "cancelled",
                    clock.instant());
            return;
        }
        String businessKey = Optional.ofNullable(runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult())
                .map(ProcessInstance::getBusinessKey).orElse(null);
        items.save(row(taskId, task.getName(), task.getTaskDefinitionKey(), formKeyOf(task), task.getProcessInstanceId(),
                businessKey, queueOf(taskId), task.getAssignee(), task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), items.open(taskId).isEmpty()));
    }

    /** A task's row; what it says about the enquiry is looked up only for a task new to the work list. */
    private WorkItemRepository.Row row(String taskId, String name, String taskKey, String formKey,
            String processInstanceId, String businessKey, String queue, String assignee, Instant created,
            Instant due, boolean newToTheList) {
        Optional<TaskCard> card = !newToTheList || businessKey == null ? Optional.empty() : enquiries.taskCard(businessKey);
        // Only an enquiry's reference is kept: another process's business key (up to 255 characters) is not one.
        String reference = card.isPresent() ? businessKey : null;
        return new WorkItemRepository.Row(taskId, name, taskKey, formKey, processInstanceId, reference,
                card.map(TaskCard::childName).orElse(null), card.map(TaskCard::schoolName).orElse(null),
                card.map(TaskCard::concerns).orElse(null), card.map(TaskCard::immediateRisk).orElse(false), queue,
                assignee, created, due);
    }

    /** The candidate group whose members may pick the task up; TESSA's tasks have at most one. */
    private String queueOf(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().findFirst().orElse(null);
    }

    static String formKeyOf(Task task) {
        return task.getCamundaFormRef() != null ? task.getCamundaFormRef().getKey() : task.getFormKey();
    }
}
