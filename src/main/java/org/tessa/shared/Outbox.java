package org.tessa.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every email TESSA sends goes through here. A step posts its letter in its own transaction; the letter is
 * sent only after that transaction commits, so a step that fails later and is retried by the engine never
 * emails twice. Sending happens off the committing thread; letters it could not send are retried by a
 * poller with a growing wait, up to {@link OutboxProperties#maxAttempts()}, after which they stay unsent
 * (and shown as waiting) with a warning in the log.
 *
 * <p>Any number of senders (threads, nodes) may try a letter: each first claims it with a conditional
 * update, which only one of them wins. One window remains: a node that stops after the mail server took
 * the letter and before it was marked sent leaves it to be sent again once the claim lapses. Each attempt
 * carries the same Message-ID, so mail clients recognise the second copy as the same letter.
 */
@Service
public class Outbox implements SchedulingConfigurer, DisposableBean, PersonalData {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int LAST_ERROR_LENGTH = 500;
    private static final int LETTERS_PER_POLL = 50;
    /** Beyond this many doublings the wait is already longer than anyone would configure attempts for. */
    private static final int MAX_DOUBLINGS = 20;

    private final JdbcClient jdbc;
    private final Mail mail;
    private final OutboxProperties properties;
    private final Clock clock;
    /**
     * Claims and retries are timed by the machine, not by the application's clock: that one is the
     * service's notion of today (tests move it through the years), while a claim must lapse in real time.
     */
    private final Clock machineClock = Clock.systemUTC();
    private final ThreadPoolTaskExecutor senders = new ThreadPoolTaskExecutor();

    Outbox(JdbcClient jdbc, Mail mail, OutboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        senders.setCorePoolSize(2);
        senders.setThreadNamePrefix("outbox-");
        senders.setWaitForTasksToCompleteOnShutdown(true);
        senders.setAwaitTerminationSeconds(10);
        senders.initialize();
    }

    /**
     * Records a letter in the caller's transaction; it is sent once that transaction commits, and never if
     * it rolls back.
     *
     * @return the letter's id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long post(String recipient, String subject, String body) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into outbox_letter (recipient, subject, body, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?)""")
                .params(recipient, subject, body, utc(clock.instant()),
                        utc(machineClock.instant().plus(properties.retryAfter())))
                .update(keys, "id");
        long letterId = keys.getKey().longValue();
        jdbc.sql("update outbox_letter set message_key = ? where id = ?")
                .params(mail.messageId("letter-" + letterId), letterId).update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sendSoon(letterId);
            }
        });
        return letterId;
    }

    /**
     * Letters are the outbox's copies, in transit; the enquiry keeps its own record of what was said. Once the
     * enquiry is anonymised the copies about it ("[reference]" in the subject) lose their words, and one never
     * sent is no longer tried.
     */
    @Override
    public void anonymise(String enquiryReference) {
        jdbc.sql("""
                update outbox_letter set body = ?, attempts = case when sent_at is null then ? else attempts end
                where subject like ?""")
                .params(REMOVED, properties.maxAttempts(), "%[" + enquiryReference + "]%").update();
    }

    /** When the letter was sent, if it has been. */
    @Transactional(readOnly = true)
    public Optional<OffsetDateTime> sentAt(long letterId) {
        return jdbc.sql("select sent_at from outbox_letter where id = ?").param(letterId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject("sent_at", OffsetDateTime.class)))
                .single();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sendDue, properties.pollInterval());
    }

    @Override
    public void destroy() {
        senders.shutdown();
    }

    /** Tries every letter whose first attempt, or whose wait after a failed one, is over. */
    void sendDue() {
        if (!mail.canSend()) {
            return;
        }
        OffsetDateTime now = utc(machineClock.instant());
        jdbc.sql("""
                select id from outbox_letter
                where sent_at is null and attempts < ? and next_attempt_at <= ?
                  and (claimed_until is null or claimed_until < ?)
                order by next_attempt_at fetch first %d rows only""".formatted(LETTERS_PER_POLL))
                .params(properties.maxAttempts(), now, now)
                .query(Long.class).list()
                .forEach(this::send);
    }

    /** Sends the letter unless it is sent already, given up, or another sender holds it. */
    void send(long letterId) {
        if (mail.canSend()) {
            claim(letterId).ifPresent(this::deliver);
        }
    }

    private void sendSoon(long letterId) {
        try {
            senders.execute(() -> send(letterId));
        } catch (TaskRejectedException shuttingDown) {
            // Thrown from here it would reach the step that just committed; the poller sends the letter instead.
            log.info("Letter {} left for the next poll: {}", letterId, shuttingDown.getMessage());
        }
    }

    private Optional<Letter> claim(long letterId) {
        Instant now = machineClock.instant();
        int claimed = jdbc.sql("""
                update outbox_letter set claimed_until = ?, attempts = attempts + 1
                where id = ? and sent_at is null and attempts < ?
                  and (claimed_until is null or claimed_until < ?)""")
                .params(utc(now.plus(properties.claimFor())), letterId, properties.maxAttempts(), utc(now))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select id, recipient, subject, body, message_key, attempts from outbox_letter where id = ?")
                .param(letterId).query(Letter.class).single());
    }

    private void deliver(Letter letter) {
        try {
            mail.send(letter.recipient(), letter.subject(), letter.body(), letter.messageKey());
        } catch (RuntimeException failed) {
            recordFailure(letter, failed);
            return;
        }
        jdbc.sql("update outbox_letter set sent_at = ?, claimed_until = null where id = ?")
                .params(utc(clock.instant()), letter.id()).update();
    }

    private void recordFailure(Letter letter, RuntimeException failed) {
        Duration wait = properties.retryAfter().multipliedBy(1L << Math.min(letter.attempts() - 1, MAX_DOUBLINGS));
        String error = failed.toString();
        jdbc.sql("update outbox_letter set last_error = ?, next_attempt_at = ?, claimed_until = null where id = ?")
                .params(error.substring(0, Math.min(error.length(), LAST_ERROR_LENGTH)),
                        utc(machineClock.instant().plus(wait)), letter.id())
                .update();
        if (letter.attempts() >= properties.maxAttempts()) {
            log.warn("Letter {} was not sent after {} attempts and stays unsent: {}", letter.id(), letter.attempts(), error);
        } else {
            log.info("Letter {} not sent (attempt {} of {}); trying again in {}: {}", letter.id(), letter.attempts(),
                    properties.maxAttempts(), wait, error);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Letter(long id, String recipient, String subject, String body, String messageKey, int attempts) {
    }
}
