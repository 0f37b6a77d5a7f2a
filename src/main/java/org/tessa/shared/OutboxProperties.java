package org.tessa.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the {@link Outbox} sends and retries letters.
 *
 * @param pollInterval  how often unsent letters are looked for (30 seconds)
 * @param retryAfter    the wait after a first failed attempt, doubled after each further failure (1 minute)
 * @param maxAttempts   attempts before a letter is given up and left unsent, with a warning (10: about 8.5 hours)
 * @param claimFor      how long a sender owns a letter it is sending; longer than the SMTP timeouts, so a
 *                      letter is never taken from a sender that is still at work (5 minutes)
 */
@ConfigurationProperties("tessa.outbox")
public record OutboxProperties(Duration pollInterval, Duration retryAfter, int maxAttempts, Duration claimFor) {
}
