package org.tessa.tasklist;

import java.util.List;
import java.util.Map;

import org.tessa.people.StaffMember;

/**
 * Help a feature shows beside a task's form, such as the triage suggestion and the known-child check.
 * The person decides; the guidance only informs.
 */
public interface TaskGuidance {

    /**
     * The panels to show beside this task's form; none for a task the feature does not know.
     *
     * @param chosen the task page's query parameters: the answers to panels' {@link Choice}s, as the person
     *               sent them (a value may be anything, and must be checked)
     */
    List<Panel> guidanceFor(WorkItem task, StaffMember person, Map<String, String> chosen);

    /**
     * @param warning shown prominently when present, for example a re-referral within 12 months
     * @param choice  a question whose answer refines this panel, if it has one
     */
    record Panel(String title, String warning, List<Line> lines, Choice choice) {

        public Panel(String title, String warning, List<Line> lines) {
            this(title, warning, lines, null);
        }
    }

    /** @param link where the line leads, if anywhere */
    record Line(String text, String link) {

        public static Line of(String text) {
            return new Line(text, null);
        }
    }

    /**
     * A question beside the guidance, answered by reloading the task page with {@code name=value}, so it
     * works without JavaScript and leaves the task's own form untouched.
     *
     * @param chosen the value now chosen; empty when none is
     * @param button what the button that reloads the page says
     */
    record Choice(String name, String label, List<Option> options, String chosen, String button) {
    }

    record Option(String value, String label) {
    }
}
