package org.tessa.tasklist;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.enquiry.EnquiryProcess;
import org.tessa.people.StaffMember;
import org.tessa.shared.ConflictException;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.RecordNotFoundException;
import org.tessa.shared.WorkingDayCalendar;

/**
 * The work people do in processes: their own tasks and their groups' unclaimed ones, claiming,
 * putting back and completing with a validated form. A task outside someone's groups answers as missing.
 */
@Service
public class TaskList {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final FormService forms;
    private final Map<String, FormOptions> formOptions;
    private final List<TaskCompletionCheck> completionChecks;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    TaskList(TaskService tasks, RuntimeService runtime, FormService forms, List<FormOptions> formOptions,
            List<TaskCompletionCheck> completionChecks, WorkingDayCalendar calendar, Clock clock) {
        this.completionChecks = completionChecks;
        this.tasks = tasks;
        this.runtime = runtime;
        this.forms = forms;
        this.formOptions = formOptions.stream().collect(Collectors.toMap(FormOptions::key, Function.identity()));
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The person's own tasks and their groups' unclaimed tasks: children who may be at immediate risk
     * first, then the one due first.
     */
    @Transactional(readOnly = true)
    public List<WorkItem> workFor(StaffMember person) {
        var query = tasks.createTaskQuery().initializeFormKeys();
        if (person.workQueues().isEmpty()) {
            query.taskAssignee(person.getUsername());
        } else {
            query.or().taskAssignee(person.getUsername()).taskCandidateGroupIn(person.workQueues()).endOr();
        }
        return toWorkItems(query.list()).stream().sorted(TaskOrder.URGENCY.comparator()).toList();
    }

    /** One page of the person's work in one of the saved views, in the order asked for. */
    @Transactional(readOnly = true)
    public List<WorkItem> workFor(StaffMember person, TaskFilter filter, TaskOrder order, int page, int pageSize) {
        return workFor(person).stream().filter(task -> filter.keeps(task, person.getUsername()))
                .sorted(order.comparator())
                .skip((long) Math.max(page - 1, 0) * pageSize).limit(pageSize).toList();
    }

    @Transactional(readOnly = true)
    public long count(StaffMember person, TaskFilter filter) {
        return workFor(person).stream().filter(task -> filter.keeps(task, person.getUsername())).count();
    }

    @Transactional(readOnly = true)
    public WorkItem task(String taskId, StaffMember person) {
        return toWorkItems(List.of(visibleTask(taskId, person))).get(0);
    }

    @Transactional(readOnly = true)
    public TaskForm form(String taskId, StaffMember person) {
        visibleTask(taskId, person);
        try (InputStream schema = forms.getDeployedTaskForm(taskId)) {
            return TaskForm.parse(schema, this::optionsFor);
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("Could not read the form of task " + taskId, unreadable);
        }
    }

    @Transactional
    public void claim(String taskId, StaffMember person) {
        Task task = visibleTask(taskId, person);
        if (person.getUsername().equals(task.getAssignee())) {
            return;
        }
        if (task.getAssignee() != null) {
            throw new ConflictException("This task has already been claimed by " + task.getAssignee() + ".");
        }
        tasks.claim(taskId, person.getUsername());
    }

    @Transactional
    public void unclaim(String taskId, StaffMember person) {
        Task task = visibleTask(taskId, person);
        requireHeldBy(task, person);
        tasks.setAssignee(taskId, null);
    }

    /**
     * Checks the values against the task's form, then completes the task with them, all in one transaction.
     * Free text is passed as transient values: the task's listeners store it in TESSA's tables, and it
     * never reaches the engine's variables or history. Coded choices stay in the process to route on.
     */
    @Transactional
    public void complete(String taskId, StaffMember person, Map<String, ?> submitted) {
        Task task = visibleTask(taskId, person);
        requireHeldBy(task, person);
        TaskForm form = form(taskId, person);
        Map<String, Object> valid = FormSubmissionValidator.validate(form, submitted);
        WorkItem item = toWorkItems(List.of(task)).get(0);
        completionChecks.forEach(check -> check.check(item, valid));
        VariableMap values = Variables.createVariables();
        valid.forEach((name, value) -> values.putValueTyped(name, Variables.untypedValue(value, form.isFreeText(name))));
        completeTask(taskId, values);
    }

    private List<TaskForm.Option> optionsFor(String valuesKey) {
        FormOptions source = formOptions.get(valuesKey);
        if (source == null) {
            throw new IllegalStateException("No options are known for the form's valuesKey '" + valuesKey + "'");
        }
        return source.options().stream().map(option -> new TaskForm.Option(option.label(), option.value())).toList();
    }

    /**
     * Completes the task; a business rule a task listener enforces (an {@link InvalidSubmissionException})
     * comes back as itself, not wrapped by the engine, so that the caller hears what to correct.
     */
    private void completeTask(String taskId, VariableMap values) {
        try {
            tasks.complete(taskId, values);
        } catch (ProcessEngineException failed) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidSubmissionException invalid) {
                    throw invalid;
                }
            }
            throw failed;
        }
    }

    private Task visibleTask(String taskId, StaffMember person) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null || !mayWorkOn(task, person)) {
            throw new RecordNotFoundException("Task " + taskId);
        }
        return task;
    }

    private boolean mayWorkOn(Task task, StaffMember person) {
        if (person.getUsername().equals(task.getAssignee())) {
            return true;
        }
        Set<String> queues = Set.copyOf(person.workQueues());
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .anyMatch(queues::contains);
    }

    private static void requireHeldBy(Task task, StaffMember person) {
        if (!person.getUsername().equals(task.getAssignee())) {
            throw new ConflictException(task.getAssignee() == null
                    ? "Claim this task before you complete it or put it back."
                    : "This task is held by " + task.getAssignee() + ", not by you.");
        }
    }

    private List<WorkItem> toWorkItems(List<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = runtime.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, instance -> nullToEmpty(instance.getBusinessKey())));
        Set<String> atImmediateRisk = runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instanceIds.toArray(String[]::new))
                .variableName(EnquiryProcess.IMMEDIATE_RISK).list().stream()
                .filter(variable -> Boolean.TRUE.equals(variable.getValue()))
                .map(VariableInstance::getProcessInstanceId)
                .collect(Collectors.toSet());
        Function<Task, WorkItem> toItem = task -> new WorkItem(
                task.getId(), task.getName(), task.getTaskDefinitionKey(),
                businessKeys.getOrDefault(task.getProcessInstanceId(), ""),
                atImmediateRisk.contains(task.getProcessInstanceId()),
                task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getAssignee(),
                formKeyOf(task),
                timeliness(task.getDueDate() == null ? null : task.getDueDate().toInstant()));
        return found.stream().map(toItem).toList();
    }

    private static String formKeyOf(Task task) {
        if (task.getCamundaFormRef() != null) {
            return task.getCamundaFormRef().getKey();
        }
        return task.getFormKey();
    }

    Timeliness timeliness(Instant due) {
        if (due == null) {
            return Timeliness.GREEN;
        }
        if (due.isBefore(clock.instant())) {
            return Timeliness.RED;
        }
        return calendar.dateOf(due).equals(calendar.today()) ? Timeliness.AMBER : Timeliness.GREEN;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
