package org.tessa.partner;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import org.tessa.plan.PlanService;
import org.tessa.people.StaffMember;
import org.tessa.shared.FullDates;
import org.tessa.tasklist.TaskGuidance;
import org.tessa.tasklist.WorkItem;

/** Beside a task about a plan action: the action itself and the way to the case summary. */
@Component
class PartnerTaskGuidance implements TaskGuidance {

    private static final List<String> ACTION_TASKS = List.of(PartnerActionProcess.TASK_CARRY_OUT_ACTION,
            PartnerActionProcess.TASK_REASSIGN_ACTION, PartnerActionProcess.TASK_CHASE_OVERDUE_ACTION);

    private final PlanService plans;
    private final TaskService tasks;

    PartnerTaskGuidance(PlanService plans, TaskService tasks) {
        this.plans = plans;
        this.tasks = tasks;
    }

    @Override
    public List<Panel> guidanceFor(WorkItem task, StaffMember person, Map<String, String> chosen) {
        if (!ACTION_TASKS.contains(task.taskKey())) {
            return List.of();
        }
        long actionId = ((Number) tasks.getVariable(task.id(), PartnerActionProcess.ACTION_ID)).longValue();
        return plans.action(actionId).map(found -> List.of(new Panel("The plan action", null, List.of(
                Line.of(found.action().description()),
                Line.of(found.action().responsibleOrganisation() + ", due " + FullDates.date(found.action().dueDate())),
                new Line("Read the case summary before contacting the family", "/cases/" + found.enquiryReference())))))
                .orElse(List.of());
    }
}
