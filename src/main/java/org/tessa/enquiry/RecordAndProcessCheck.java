package org.tessa.enquiry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds every enquiry whose record and process instance disagree: the state the case record gives it,
 * and where its {@code tessa-enquiry} instance is (or that it has none). They can only drift apart when
 * someone moves, cancels or suspends an instance by hand, in Cockpit for example; this says where.
 */
@Service
public class RecordAndProcessCheck {

    /** Letters still to be handed over: an ended enquiry may wait at these for a moment. */
    private static final Set<String> LETTER_STEPS = Set.of(EnquiryProcess.TASK_SEND_RESPONSE_TO_REFERRER,
            EnquiryProcess.TASK_SEND_SIGNPOSTING_OUTCOME);

    private final EnquiryRepository enquiries;
    private final RuntimeService runtime;
    private final TaskService tasks;

    RecordAndProcessCheck(EnquiryRepository enquiries, RuntimeService runtime, TaskService tasks) {
        this.enquiries = enquiries;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** One enquiry whose record and process disagree, and how. */
    public record Disagreement(String enquiryReference, EnquiryStatus recordedStatus, String process, String problem) {
    }

    @Transactional(readOnly = true)
    public List<Disagreement> disagreements() {
        Map<String, ProcessInstance> instances = new HashMap<>();
        runtime.createProcessInstanceQuery().processDefinitionKey(EnquiryProcess.PROCESS_KEY).list()
                .forEach(instance -> instances.put(instance.getBusinessKey(), instance));
        List<Disagreement> found = new ArrayList<>();
        for (var enquiry : enquiries.statuses()) {
            ProcessInstance instance = instances.remove(enquiry.reference());
            List<String> at = instance == null ? List.of() : runtime.getActiveActivityIds(instance.getId());
            String process = instance == null ? "No running process" : (instance.isSuspended() ? "Suspended at " : "At ")
                    + String.join(", ", at);
            String problem = problem(enquiry.reference(), enquiry.status(), instance, at);
            if (problem != null) {
                found.add(new Disagreement(enquiry.reference(), enquiry.status(), process, problem));
            }
        }
        instances.keySet().forEach(orphan -> found.add(new Disagreement(orphan, null, "Running",
                "A process runs for an enquiry TESSA has no record of")));
        return found;
    }

    private String problem(String reference, EnquiryStatus status, ProcessInstance instance, List<String> at) {
        boolean atTriage = at.contains(EnquiryProcess.TASK_TRIAGE_ENQUIRY);
        return switch (status) {
            case CLOSED, WITHDRAWN -> instance != null && !LETTER_STEPS.containsAll(at)
                    ? "The record says the enquiry has ended, but its process is still running" : null;
            case AWAITING_TRIAGE, IN_TRIAGE -> {
                if (instance == null || !atTriage) {
                    yield "The record says the enquiry waits for triage, but its process is not at triage";
                }
                boolean held = tasks.createTaskQuery().processInstanceId(instance.getId()).taskAssigned().count() > 0;
                yield held == (status == EnquiryStatus.IN_TRIAGE) ? suspended(instance)
                        : "The record and the triage task disagree about whether a duty manager holds it";
            }
            case SIGNPOSTED, AWAITING_PANEL, PLAN_IN_PROGRESS -> instance == null || atTriage
                    ? "The record says the enquiry was triaged, but its process is " + (instance == null ? "not running" : "still at triage")
                    : suspended(instance);
        };
    }

    private static String suspended(ProcessInstance instance) {
        return instance.isSuspended() ? "Its process is suspended, so nothing moves on" : null;
    }
}
