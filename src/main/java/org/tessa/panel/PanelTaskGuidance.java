package org.tessa.panel;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tessa.people.StaffMember;
import org.tessa.tasklist.TaskGuidance;
import org.tessa.tasklist.WorkItem;

/** Beside "Decide at panel": the way to the case papers the panel decides on. */
@Component
class PanelTaskGuidance implements TaskGuidance {

    @Override
    public List<Panel> guidanceFor(WorkItem task, StaffMember person, Map<String, String> chosen) {
        if (!PanelProcess.TASK_DECIDE_AT_PANEL.equals(task.taskKey())) {
            return List.of();
        }
        return List.of(new Panel("Before you decide", null, List.of(
                new Line("Read the case papers: the enquiry, its triage, the school's answers and earlier enquiries",
                        "/panel/cases/" + task.enquiryReference()))));
    }
}
