package org.tessa.people;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing. A person who fails to sign in too often from one address waits before they may
 * try again from it, and so does an address that fails too often whoever it signs in as. No account is locked
 * for everyone: someone guessing a person's password from elsewhere cannot stop that person signing in from their
 * own desk. Every failure is kept in {@code sign_in_attempt}, in the database, so every node counts the same, and
 * so is a success that follows failures (it starts the count again); an API client's every request is not.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final SignInProperties limits;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, SignInProperties limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Refuses, before the password is even checked, a sign-in that has failed too often of late; otherwise
     * answers how often this person has failed from this address since they last succeeded there.
     */
    @Transactional(readOnly = true)
    long refuseIfThrottled(String username, String address) {
        OffsetDateTime since = utc(clock.instant().minus(limits.coolOff()));
        long asThisPerson = jdbc.sql("""
                select count(*) from sign_in_attempt
                where username = ? and address = ? and not succeeded and attempted_at > ?
                  and attempted_at > coalesce((select max(attempted_at) from sign_in_attempt
                                               where username = ? and address = ? and succeeded), ?)""")
                .params(username, address, since, username, address, since).query(Long.class).single();
        long fromThisAddress = jdbc.sql("""
                select count(*) from sign_in_attempt where address = ? and not succeeded and attempted_at > ?""")
                .params(address, since).query(Long.class).single();
        if (asThisPerson >= limits.failuresPerPersonAndAddress() || fromThisAddress >= limits.failuresPerAddress()) {
            throw new Throttled(limits.coolOff().toMinutes());
        }
        return asThisPerson;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void record(String username, String address, boolean succeeded) {
        jdbc.sql("insert into sign_in_attempt (username, address, attempted_at, succeeded) values (?, ?, ?, ?)")
                .params(truncated(username), address, utc(clock.instant()), succeeded).update();
    }

    private static String truncated(String username) {
        return username.length() > 100 ? username.substring(0, 100) : username;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A sign-in refused because of earlier failures: the person is told how long to wait. */
    static final class Throttled extends LockedException {

        private final long minutes;

        Throttled(long minutes) {
            super("Too many failed sign-ins. Wait " + minutes + " minutes, then try again.");
            this.minutes = minutes;
        }

        long minutes() {
            return minutes;
        }
    }
}
