package org.tessa.tasklist;

import java.util.List;

import org.tessa.people.StaffMember;

/**
 * Help a feature shows beside a task's form, such as the triage suggestion and the known-child check.
 * The person decides; the guidance only informs.
 */
public interface TaskGuidance {

    /** The panels to show beside this task's form; none for a task the feature does not know. */
    List<Panel> guidanceFor(WorkItem task, StaffMember person);

    /** @param warning shown prominently when present, for example a re-referral within 12 months */
    record Panel(String title, String warning, List<Line> lines) {
    }

    /** @param link where the line leads, if anywhere */
    record Line(String text, String link) {

        public static Line of(String text) {
            return new Line(text, null);
        }
    }
}
