package org.tessa.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.EnquiryUpdates;
import org.tessa.people.StaffMember;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.Glossary;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.tasklist.TaskForm.Field;

@Controller
@PreAuthorize(TaskListController.WORKERS)
class TaskListController {

    /** The roles that work tasks; school staff and administrators do not. */
    static final String WORKERS = "hasAnyRole('DUTY_MANAGER','PANEL_MEMBER','PARTNER','LEAD_PROFESSIONAL')";
    static final String LIST_VIEW = "tasks/list";
    static final String TASK_VIEW = "tasks/task";
    static final int PAGE_SIZE = 25;

    private final Glossary glossary;
    private final TaskList taskList;
    private final EnquiryService enquiries;
    private final List<TaskGuidance> guidance;
    private final EnquiryUpdates updates;

    TaskListController(TaskList taskList, EnquiryService enquiries, List<TaskGuidance> guidance, EnquiryUpdates updates,
            Glossary glossary) {
        this.glossary = glossary;
        this.updates = updates;
        this.taskList = taskList;
        this.enquiries = enquiries;
        this.guidance = guidance;
    }

    @GetMapping("/tasks")
    String list(@RequestParam(defaultValue = "ALL") TaskFilter view, @RequestParam(defaultValue = "URGENCY") TaskOrder sort,
            @RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal StaffMember person, Model model) {
        int shown = Math.max(page, 1);
        TaskList.WorkPage work = taskList.workFor(person, view, sort, shown, PAGE_SIZE);
        model.addAttribute("tasks", work.items());
        model.addAttribute("nextPage", work.hasNext());
        model.addAttribute("views", TaskFilter.values());
        model.addAttribute("orders", TaskOrder.values());
        model.addAttribute("sort", sort);
        model.addAttribute("view", view);
        model.addAttribute("page", shown);
        model.addAttribute("me", person.getUsername());
        model.addAttribute("withdrawn", updates.withdrawnWhileHeldBy(person.getUsername()));
        return LIST_VIEW;
    }

    /** The task; {@code chosen} holds the answers to the guidance's questions, such as a level of need. */
    @GetMapping("/tasks/{id}")
    String task(@PathVariable String id, @RequestParam Map<String, String> chosen,
            @AuthenticationPrincipal StaffMember person, Model model) {
        return showTask(id, person, chosen, Map.of(), Map.of(), List.of(), model);
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, @AuthenticationPrincipal StaffMember person, RedirectAttributes redirect) {
        taskList.claim(id, person);
        redirect.addFlashAttribute("flash", "You have claimed this task");
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, @AuthenticationPrincipal StaffMember person, RedirectAttributes redirect) {
        taskList.unclaim(id, person);
        redirect.addFlashAttribute("flash", "The task is back in the queue");
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> submitted,
            @AuthenticationPrincipal StaffMember person, Model model, RedirectAttributes redirect) {
        TaskForm form = taskList.form(id, person);
        Map<String, Object> values = formValues(form, submitted);
        WorkItem task = taskList.task(id, person);
        try {
            taskList.complete(id, person, values);
        } catch (InvalidSubmissionException invalid) {
            return showTask(id, person, Map.of(), values, dateInputs(form, submitted), invalid.problems(), model);
        }
        redirect.addFlashAttribute("flash", task.name() + " for " + task.enquiryReference() + " is done");
        redirect.addFlashAttribute("plainEnglish", glossary.unexplainedIn(values.entrySet().stream()
                .filter(value -> form.isFreeText(value.getKey())).map(value -> String.valueOf(value.getValue()))
                .toArray(String[]::new)));
        return "redirect:/tasks";
    }

    private String showTask(String id, StaffMember person, Map<String, String> chosen, Map<String, Object> values,
            Map<String, DateInput> dateInputs, List<FieldProblem> problems, Model model) {
        WorkItem task = taskList.task(id, person);
        TaskForm form = taskList.form(id, person);
        model.addAttribute("task", task);
        model.addAttribute("form", form);
        model.addAttribute("completeLabel", taskList.completeLabel(id, person));
        model.addAttribute("values", values);
        model.addAttribute("dateInputs", dateInputs);
        model.addAttribute("errorAnchors", form.fields().stream().filter(f -> f.type() == TaskForm.Type.DATETIME)
                .collect(Collectors.toMap(Field::key, f -> f.key() + "-day")));
        model.addAttribute("errors", problems);
        model.addAttribute("fieldErrors", problems.stream()
                .collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a)));
        model.addAttribute("mine", person.getUsername().equals(task.assignee()));
        model.addAttribute("enquiry", enquiries.read(task.enquiryReference(), person, "Working task: " + task.name()));
        model.addAttribute("guidance", guidance.stream().flatMap(g -> g.guidanceFor(task, person, chosen).stream()).toList());
        return TASK_VIEW;
    }

    /** The date boxes as typed, to show them again beside their error. */
    private static Map<String, DateInput> dateInputs(TaskForm form, MultiValueMap<String, String> submitted) {
        return form.fields().stream().filter(f -> f.type() == TaskForm.Type.DATETIME)
                .collect(Collectors.toMap(Field::key, f -> DateInput.from(submitted, f.key())));
    }

    /** What the browser sent for the form's own fields: lists for checklists, single values otherwise. */
    private static Map<String, Object> formValues(TaskForm form, MultiValueMap<String, String> submitted) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : form.fields()) {
            List<String> sent = submitted.get(field.key());
            if (field.type() == TaskForm.Type.DATETIME) {
                DateInput date = DateInput.from(submitted, field.key());
                if (!date.isBlank()) {
                    values.put(field.key(), date.value());
                }
            } else if (field.takesInput() && sent != null) {
                values.put(field.key(), field.type() == TaskForm.Type.CHECKLIST ? sent : sent.get(0));
            }
        }
        return values;
    }
}
