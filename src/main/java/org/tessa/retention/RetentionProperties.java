package org.tessa.retention;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The council's retention schedule for enquiries. An enquiry is anonymised when both have passed: the child's
 * birthday at {@code keepUntilAge}, and {@code keepAfterClosure} since anything was last recorded on it.
 *
 * @param keepUntilAge      the child's age until which their record is kept (25: the common schedule for
 *                          safeguarding and early help records, the 25th birthday)
 * @param keepAfterClosure  kept at least this long after the enquiry closed, whatever the child's age (P2Y: as
 *                          long as the engine keeps its history, historyTimeToLive in bpmn/, so that history
 *                          never outlives the record it is about)
 * @param schedule          when the job runs, a cron expression in the calendar's zone (at 02:30, in the
 *                          engine's history cleanup window); "-" never
 * @param perRun            at most this many enquiries per run, each in its own transaction
 */
@ConfigurationProperties("tessa.retention")
record RetentionProperties(int keepUntilAge, Period keepAfterClosure, String schedule, int perRun) {
}
