package org.tessa.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tessa.enquiry.EarlierEnquiry;
import org.tessa.enquiry.EnquiryProcess;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.KnownChild;
import org.tessa.people.StaffMember;
import org.tessa.signposting.PortalRegistry;
import org.tessa.tasklist.TaskGuidance;
import org.tessa.tasklist.WorkItem;

/**
 * Beside the triage form: what TESSA already knows about the child, and the route the council's
 * {@code triage-suggestion} decision table suggests, with the rule that suggested it. The level of need is
 * the duty manager's judgement, not the school's, so the suggestion assumes the level the duty manager
 * chooses beside it (none at first). The duty manager decides.
 */
@Component
class TriageTaskGuidance implements TaskGuidance {

    static final String SUGGESTION_TABLE = "triage-suggestion";

    private final EnquiryService enquiries;
    private final DecisionService decisions;
    private final PortalRegistry portals;

    TriageTaskGuidance(EnquiryService enquiries, DecisionService decisions, PortalRegistry portals) {
        this.enquiries = enquiries;
        this.decisions = decisions;
        this.portals = portals;
    }

    @Override
    public List<Panel> guidanceFor(WorkItem task, StaffMember person, Map<String, String> chosen) {
        if (!EnquiryProcess.TASK_TRIAGE_ENQUIRY.equals(task.taskKey())) {
            return List.of();
        }
        KnownChild known = enquiries.knownChild(task.enquiryReference(), person);
        return List.of(suggestion(task, known, levelOfNeed(chosen)), earlierEnquiries(known));
    }

    /** A value that is not a level of need (an edited address) counts as no choice. */
    private static Optional<LevelOfNeed> levelOfNeed(Map<String, String> chosen) {
        String value = chosen.get(RecordTriageDecision.LEVEL_OF_NEED);
        return Arrays.stream(LevelOfNeed.values()).filter(level -> level.name().equals(value)).findFirst();
    }

    private Panel suggestion(WorkItem task, KnownChild known, Optional<LevelOfNeed> levelOfNeed) {
        Map<String, Object> suggestion = decisions.evaluateDecisionTableByKey(SUGGESTION_TABLE, Variables.createVariables()
                        .putValue("immediateRisk", task.immediateRisk())
                        .putValue("concerns", enquiries.concernsOf(task.enquiryReference()).stream().map(Enum::name).toList())
                        .putValue("reReferral", known.reReferral())
                        .putValue(RecordTriageDecision.LEVEL_OF_NEED, levelOfNeed.map(Enum::name).orElse(null)))
                .getSingleResult().getEntryMap();
        return new Panel("Suggested route", null, List.of(
                Line.of(routeLabel((String) suggestion.get("suggestedRoute")) + " (priority: "
                        + suggestion.get("priority").toString().toLowerCase() + ")"),
                Line.of((String) suggestion.get("reason")),
                Line.of("Rule " + suggestion.get("rule") + " of the council's triage suggestion table. You decide.")),
                levelOfNeedChoice(levelOfNeed));
    }

    private static Choice levelOfNeedChoice(Optional<LevelOfNeed> chosen) {
        List<Option> options = Stream.concat(Stream.of(new Option("", "Not chosen yet")),
                Arrays.stream(LevelOfNeed.values()).map(level -> new Option(level.name(), level.label()))).toList();
        return new Choice(RecordTriageDecision.LEVEL_OF_NEED, "Level of need the suggestion assumes", options,
                chosen.map(Enum::name).orElse(""), "Update the suggestion");
    }

    private static Panel earlierEnquiries(KnownChild known) {
        List<Line> lines = new ArrayList<>();
        for (EarlierEnquiry earlier : known.earlier()) {
            lines.add(new Line(earlier.reference() + ", " + earlier.schoolName() + ", received "
                    + earlier.receivedAt().toLocalDate() + ": "
                    + (earlier.outcome() != null ? earlier.outcome().label() : earlier.status().label()),
                    "/enquiries/" + earlier.reference()));
        }
        if (lines.isEmpty()) {
            lines.add(Line.of("None found (matched by UPN, or by name, date of birth and school)."));
        }
        return new Panel("Earlier enquiries about this child",
                known.reReferral() ? "Re-referral: an earlier enquiry arrived within the last 12 months" : null, lines);
    }

    private String routeLabel(String route) {
        return switch (route) {
            case "ADVICE_GIVEN" -> "Advice for the school";
            case "REFER_TO_PANEL" -> "Refer to the Ways Forward Panel (WFP)";
            default -> "Signpost to " + portals.nameOf(route);
        };
    }
}
