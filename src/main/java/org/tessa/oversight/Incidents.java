package org.tessa.oversight;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.shared.RecordNotFoundException;

/**
 * What the engine could not do after every retry, shown to administrators in TESSA (and in Cockpit),
 * and retried once the cause is fixed: nothing is lost while a portal is down.
 */
@Service
public class Incidents {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;

    Incidents(RuntimeService runtime, ManagementService management, RepositoryService repository) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public List<PortalIncident> open() {
        List<Incident> incidents = runtime.createIncidentQuery().orderByIncidentTimestamp().desc().list();
        if (incidents.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = incidents.stream().map(Incident::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> references = runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()
                .stream().collect(Collectors.toMap(ProcessInstance::getId, i -> String.valueOf(i.getBusinessKey())));
        Map<String, String> portals = runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instanceIds.toArray(String[]::new)).variableName("portal").list().stream()
                .collect(Collectors.toMap(VariableInstance::getProcessInstanceId, v -> String.valueOf(v.getValue()),
                        (first, second) -> first));
        return incidents.stream().map(incident -> new PortalIncident(
                incident.getId(),
                references.getOrDefault(incident.getProcessInstanceId(), ""),
                portals.getOrDefault(incident.getProcessInstanceId(), ""),
                stepName(incident),
                incident.getIncidentMessage(),
                incident.getIncidentTimestamp().toInstant(),
                incident.getConfiguration()))
                .toList();
    }

    /** Gives the failed step one more try now; if it fails again the incident comes back. */
    @Transactional
    public void retry(String incidentId) {
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null) {
            throw new RecordNotFoundException("Incident " + incidentId);
        }
        management.setJobRetries(incident.getConfiguration(), 1);
    }

    private String stepName(Incident incident) {
        var element = repository.getBpmnModelInstance(incident.getProcessDefinitionId())
                .getModelElementById(incident.getActivityId());
        String name = element == null ? null : element.getAttributeValue("name");
        return name == null ? incident.getActivityId() : name;
    }
}
