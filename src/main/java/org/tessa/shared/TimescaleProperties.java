package org.tessa.shared;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each step a person owns may take.
 *
 * @param workingDays          working days allowed for each step, by the name its BPMN user task gives it
 * @param immediateRiskTriage  how soon an enquiry about a child who may be at immediate risk is due for triage
 */
@ConfigurationProperties("tessa.timescales")
public record TimescaleProperties(Map<String, Integer> workingDays, Duration immediateRiskTriage) {

    public TimescaleProperties {
        workingDays = workingDays == null ? Map.of() : Map.copyOf(workingDays);
    }
}
