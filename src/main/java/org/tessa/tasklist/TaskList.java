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
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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

    static final String COMPLETE_LABEL = "completeLabel";
    static final String DEFAULT_COMPLETE_LABEL = "Complete task";

    private final TaskService tasks;
    private final WorkItemRepository items;
    private final WorkItems workItems;
    private final FormService forms;
    private final Map<String, FormOptions> formOptions;
    private final List<TaskCompletionCheck> completionChecks;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final TaskRaces races;
    private final RepositoryService repository;

    TaskList(TaskService tasks, WorkItemRepository items, WorkItems workItems, FormService forms, List<FormOptions> formOptions,
            List<TaskCompletionCheck> completionChecks, WorkingDayCalendar calendar, Clock clock, TaskRaces races,
            RepositoryService repository) {
        this.races = races;
        this.repository = repository;
        this.completionChecks = completionChecks;
        this.tasks = tasks;
        this.items = items;
        this.workItems = workItems;
        this.forms = forms;
        this.formOptions = formOptions.stream().collect(Collectors.toMap(FormOptions::key, Function.identity()));
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * One page of the person's work in one of the saved views, in the order asked for: their own tasks and
     * their groups' tasks, read from the work list ({@code work_item}) with SQL paging. Whether a next page
     * exists is found by reading one item more, never by counting every task.
     */
    @Transactional(readOnly = true)
    public WorkPage workFor(StaffMember person, TaskFilter filter, TaskOrder order, int page, int pageSize) {
        workItems.catchUp();
        int offset = (Math.max(page, 1) - 1) * pageSize;
        List<WorkItem> found = items.page(visibleTo(person, filter), order, offset, pageSize + 1);
        return new WorkPage(found.stream().limit(pageSize).map(this::withTimeliness).toList(), found.size() > pageSize);
    }

    /** A page of work, and whether another follows it. */
    public record WorkPage(List<WorkItem> items, boolean hasNext) {
    }

    /** The person's open work about one enquiry, most urgent first. */
    @Transactional(readOnly = true)
    public List<WorkItem> workOn(StaffMember person, String enquiryReference) {
        workItems.catchUp();
        return items.about(visibleTo(person, TaskFilter.ALL), enquiryReference).stream().map(this::withTimeliness).toList();
    }

    @Transactional(readOnly = true)
    public WorkItem task(String taskId, StaffMember person) {
        visibleTask(taskId, person);
        workItems.catchUp();
        return items.open(taskId).map(this::withTimeliness)
                .orElseThrow(() -> new RecordNotFoundException("Task " + taskId));
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

    /**
     * What the button that completes the task says: the user task's {@code completeLabel} extension property in
     * its BPMN file (so an analyst words it in Camunda Modeler), or "Complete task".
     */
    @Transactional(readOnly = true)
    public String completeLabel(String taskId, StaffMember person) {
        Task task = visibleTask(taskId, person);
        UserTask element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        if (element == null || element.getExtensionElements() == null) {
            return DEFAULT_COMPLETE_LABEL;
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> COMPLETE_LABEL.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(DEFAULT_COMPLETE_LABEL);
    }

    /** Claims the task; a claim that loses a race to someone else's is refused with a 409 naming them. */
    public void claim(String taskId, StaffMember person) {
        races.claim(taskId, person, () -> {
            Task task = visibleTask(taskId, person);
            if (person.getUsername().equals(task.getAssignee())) {
                return;
            }
            if (task.getAssignee() != null) {
                throw new ConflictException("This task has already been claimed by " + task.getAssignee() + ".");
            }
            tasks.claim(taskId, person.getUsername());
        });
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
     * A second completion of the same task (a double click) is refused with a 409, and saves nothing.
     */
    public void complete(String taskId, StaffMember person, Map<String, ?> submitted) {
        races.complete(taskId, person, () -> {
            Task task = visibleTask(taskId, person);
            requireHeldBy(task, person);
            TaskForm form = form(taskId, person);
            Map<String, Object> valid = FormSubmissionValidator.validate(form, submitted);
            WorkItem item = task(taskId, person);
            completionChecks.forEach(check -> check.check(item, valid));
            VariableMap values = Variables.createVariables();
            valid.forEach((name, value) -> values.putValueTyped(name, Variables.untypedValue(value, form.isFreeText(name))));
            completeTask(taskId, values);
        });
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

    private WorkItemRepository.Visible visibleTo(StaffMember person, TaskFilter filter) {
        Instant now = clock.instant();
        Instant endOfToday = calendar.today().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        return new WorkItemRepository.Visible(person.getUsername(), person.workQueues(), filter, now, endOfToday);
    }

    private WorkItem withTimeliness(WorkItem item) {
        return item.withTimeliness(timeliness(item.due(), item.immediateRisk()));
    }

    Timeliness timeliness(Instant due, boolean immediateRisk) {
        if (due != null && due.isBefore(clock.instant())) {
            return Timeliness.RED;
        }
        if (immediateRisk) {
            return Timeliness.IMMEDIATE;
        }
        if (due == null) {
            return Timeliness.GREEN;
        }
        return calendar.dateOf(due).equals(calendar.today()) ? Timeliness.AMBER : Timeliness.GREEN;
    }
}
