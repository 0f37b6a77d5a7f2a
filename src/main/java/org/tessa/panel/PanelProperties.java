package org.tessa.panel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cutOffWorkingDays an enquiry joins a meeting's agenda only up to this many working days before it
 * @param chairEmail        where the panel chair is told that a case is waiting for a meeting date
 */
@ConfigurationProperties("tessa.panel")
public record PanelProperties(int cutOffWorkingDays, String chairEmail) {
}
