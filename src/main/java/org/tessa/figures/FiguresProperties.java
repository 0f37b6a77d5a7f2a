package org.tessa.figures;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param childPopulation  children and young people living in the council's area (the ONS mid-year estimate,
 *                         ages 0 to 17), for the rate of enquiries per 10,000 children; 0 if not configured
 */
@ConfigurationProperties("tessa.figures")
public record FiguresProperties(long childPopulation) {
}
