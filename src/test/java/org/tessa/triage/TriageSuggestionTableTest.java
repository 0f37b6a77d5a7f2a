package org.tessa.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** bpmn/triage-suggestion.dmn, one test per rule, in the order the FIRST hit policy reads them. */
class TriageSuggestionTableTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision TABLE = load();

    @Test
    void rule1AnImmediateRiskGoesToTheMashUrgently() {
        assertThat(suggest(true, List.of("ATTENDANCE"), false, null)).containsEntry("suggestedRoute", "MASH")
                .containsEntry("priority", "URGENT").containsEntry("rule", 1);
    }

    @Test
    void rule2ASafeguardingConcernSuggestsTheMash() {
        assertThat(suggest(false, List.of("SAFEGUARDING", "SEND"), false, "EARLY_HELP"))
                .containsEntry("suggestedRoute", "MASH").containsEntry("priority", "HIGH").containsEntry("rule", 2);
    }

    @Test
    void rule3ARepeatedTargetedNeedGoesToThePanel() {
        assertThat(suggest(false, List.of("SEND"), true, "TARGETED")).containsEntry("suggestedRoute", "REFER_TO_PANEL")
                .containsEntry("priority", "HIGH").containsEntry("rule", 3);
    }

    @Test
    void rule4ASpecialistNeedGoesToThePanel() {
        assertThat(suggest(false, List.of("BEHAVIOUR"), false, "SPECIALIST"))
                .containsEntry("suggestedRoute", "REFER_TO_PANEL").containsEntry("rule", 4);
    }

    @Test
    void rule5ASendConcernSuggestsTheSendPortal() {
        assertThat(suggest(false, List.of("SEND", "SOCIAL_EMOTIONAL_MENTAL_HEALTH"), false, "TARGETED"))
                .containsEntry("suggestedRoute", "SEND_PORTAL").containsEntry("priority", "NORMAL").containsEntry("rule", 5);
    }

    @Test
    void rule6AMentalHealthConcernSuggestsTheMentalHealthPortal() {
        assertThat(suggest(false, List.of("SOCIAL_EMOTIONAL_MENTAL_HEALTH"), false, null))
                .containsEntry("suggestedRoute", "MENTAL_HEALTH_PORTAL").containsEntry("rule", 6);
    }

    @Test
    void rule7AReReferralAtLowerNeedIsAdviceButLookedAtFirst() {
        assertThat(suggest(false, List.of("ATTENDANCE"), true, "EARLY_HELP"))
                .containsEntry("suggestedRoute", "ADVICE_GIVEN").containsEntry("priority", "HIGH").containsEntry("rule", 7);
    }

    @Test
    void rule8OtherwiseAdvice() {
        assertThat(suggest(false, List.of("ATTENDANCE"), false, null))
                .containsEntry("suggestedRoute", "ADVICE_GIVEN").containsEntry("priority", "NORMAL")
                .containsKey("reason").containsEntry("rule", 8);
    }

    private static Map<String, Object> suggest(boolean immediateRisk, List<String> concerns, boolean reReferral,
            String levelOfNeed) {
        return DMN.evaluateDecisionTable(TABLE, Variables.createVariables()
                .putValue("immediateRisk", immediateRisk).putValue("concerns", concerns)
                .putValue("reReferral", reReferral).putValue("levelOfNeed", levelOfNeed)).getSingleResult().getEntryMap();
    }

    private static DmnDecision load() {
        try (InputStream table = TriageSuggestionTableTest.class.getClassLoader()
                .getResourceAsStream("bpmn/triage-suggestion.dmn")) {
            return DMN.parseDecision("triage-suggestion", table);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
