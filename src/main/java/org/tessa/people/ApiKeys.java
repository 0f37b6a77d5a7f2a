package org.tessa.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.audit.AuditLog;
import org.tessa.shared.ConflictException;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.RecordNotFoundException;

/**
 * API keys: administrators issue them to integrations, each acting as one account, and revoke them. A key is
 * {@code tessa_<prefix>_<secret>}: the prefix finds it, the secret (256 random bits) is kept only as its SHA-256.
 * Checking a key is a lookup and a hash, not a bcrypt, so an integration is not held to the rate of signing in.
 */
@Service
public class ApiKeys {

    static final String TOKEN_START = "tessa_";
    static final int PREFIX_LENGTH = 8;
    static final int LONGEST_VALIDITY_DAYS = 730;
    private static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    /** Last use is written at most this often per key, so a busy integration does not write on every request. */
    private static final Duration LAST_USE_EVERY = Duration.ofMinutes(1);
    private static final String RECORD_TYPE = "API_KEY";

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc, StaffDirectory staff, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** A key as administrators see it: never its secret. */
    public record ApiKey(long id, String name, String account, String keyPrefix, String createdBy,
            OffsetDateTime createdAt, OffsetDateTime expiresAt, String revokedBy, OffsetDateTime revokedAt,
            OffsetDateTime lastUsedAt) implements java.io.Serializable {

        public boolean usable(Instant now) {
            return revokedAt == null && expiresAt.toInstant().isAfter(now);
        }
    }

    /** A new key and the token to give the integration: shown once, after a redirect, then gone from the session. */
    public record Issued(ApiKey key, String token) implements java.io.Serializable {
    }

    @Transactional(readOnly = true)
    public List<ApiKey> all() {
        return jdbc.sql("select * from api_key order by created_at desc, id desc").query(ApiKey.class).list();
    }

    /** Issues a key acting as {@code account} for {@code validDays} days. */
    @Transactional
    public Issued issue(String name, String account, Integer validDays, StaffMember admin) {
        String what = name == null ? "" : name.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (what.isEmpty() || what.length() > 100) {
            problems.add(new FieldProblem("name", "Enter what the key is for, in up to 100 characters"));
        }
        Optional<StaffMember> actingAs = staff.find(account);
        if (actingAs.isEmpty() || !actingAs.get().isEnabled()) {
            problems.add(new FieldProblem("account", "Choose the account the key acts as"));
        } else if (actingAs.get().hasRole(Role.ADMIN)) {
            problems.add(new FieldProblem("account", "A key cannot act as an administrator: choose the integration's own account"));
        }
        if (validDays == null || validDays < 1 || validDays > LONGEST_VALIDITY_DAYS) {
            problems.add(new FieldProblem("validDays", "Enter how many days the key works, from 1 to 730"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        String prefix = randomPrefix();
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into api_key (name, account, key_prefix, secret_hash, created_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(what, account, prefix, Fingerprints.sha256(secret), admin.getUsername(), now, now.plusDays(validDays))
                .update();
        ApiKey key = byPrefix(prefix).orElseThrow();
        audit.recordChange(admin.getUsername(), RECORD_TYPE, prefix, "Issued API key '" + what + "' acting as " + account);
        return new Issued(key, TOKEN_START + prefix + "_" + secret);
    }

    @Transactional
    public void revoke(long id, StaffMember admin) {
        ApiKey key = jdbc.sql("select * from api_key where id = ?").param(id).query(ApiKey.class).optional()
                .orElseThrow(() -> new RecordNotFoundException("API key " + id));
        if (key.revokedAt() != null) {
            throw new ConflictException("This key was already revoked by " + key.revokedBy() + ".");
        }
        jdbc.sql("update api_key set revoked_by = ?, revoked_at = ? where id = ? and revoked_at is null")
                .params(admin.getUsername(), now(), id).update();
        audit.recordChange(admin.getUsername(), RECORD_TYPE, key.keyPrefix(), "Revoked API key '" + key.name() + "'");
    }

    /**
     * The account a token acts as, if it is a key that is neither revoked nor expired, for an enabled account.
     * Two reads and, at most once a minute, a write of when it was last used: no transaction of its own, so that
     * checking a key costs an API request no more than it must.
     */
    public Optional<StaffMember> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_START) || token.length() < TOKEN_START.length() + PREFIX_LENGTH + 2
                || token.charAt(TOKEN_START.length() + PREFIX_LENGTH) != '_') {
            return Optional.empty();
        }
        String prefix = token.substring(TOKEN_START.length(), TOKEN_START.length() + PREFIX_LENGTH);
        String secret = token.substring(TOKEN_START.length() + PREFIX_LENGTH + 1);
        var keyAndHash = new DataClassRowMapper<>(ApiKey.class);
        Optional<Map.Entry<ApiKey, String>> stored = jdbc.sql("select * from api_key where key_prefix = ?").param(prefix)
                .query((rs, row) -> Map.entry(keyAndHash.mapRow(rs, row), rs.getString("secret_hash"))).optional();
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().getValue().getBytes(StandardCharsets.US_ASCII),
                Fingerprints.sha256(secret).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        ApiKey key = stored.get().getKey();
        if (!key.usable(clock.instant())) {
            return Optional.empty();
        }
        Optional<StaffMember> account = staff.find(key.account()).filter(StaffMember::isEnabled);
        // Noted once every few minutes at most, not on every request.
        if (account.isPresent() && (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now().minus(LAST_USE_EVERY)))) {
            jdbc.sql("update api_key set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                    .params(now(), key.id(), now().minus(LAST_USE_EVERY)).update();
        }
        return account;
    }

    private Optional<ApiKey> byPrefix(String prefix) {
        return jdbc.sql("select * from api_key where key_prefix = ?").param(prefix).query(ApiKey.class).optional();
    }


    private String randomPrefix() {
        StringBuilder prefix = new StringBuilder(PREFIX_LENGTH);
        for (int i = 0; i < PREFIX_LENGTH; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(random.nextInt(PREFIX_ALPHABET.length())));
        }
        return prefix.toString();
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }


    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
