package org.tessa.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The council's working calendar.
 *
 * @param zone           the council's time zone (Europe/London)
 * @param country        Jollyday's holiday calendar (UNITED_KINGDOM)
 * @param region         the part of that country whose bank holidays apply ("eng": England and Wales)
 * @param extraClosures  further non-working days the council declares (one-off bank holidays)
 */
@ConfigurationProperties("tessa.calendar")
public record CalendarProperties(ZoneId zone, String country, String region, List<LocalDate> extraClosures) {

    public CalendarProperties {
        extraClosures = extraClosures == null ? List.of() : List.copyOf(extraClosures);
    }
}
