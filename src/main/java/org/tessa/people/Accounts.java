package org.tessa.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.audit.AuditLog;
import org.tessa.shared.ConflictException;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.shared.Outbox;
import org.tessa.shared.RecordNotFoundException;

/**
 * The people who sign in, as administrators keep them: a new person is invited by email to set their own password
 * through a single-use link, and anyone can ask for such a link when they forget it; someone who leaves is
 * deactivated (never deleted: what they did stays theirs), which ends their sessions and hands their tasks back to
 * their teams. Every change is audited.
 */
@Service
public class Accounts {

    static final String INVITATION = "INVITATION";
    static final String RESET = "RESET";
    private static final String RECORD_TYPE = "ACCOUNT";
    private static final String EXPIRED = "This link has expired or has been used. Ask for a new one on the sign-in page.";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final PasswordRules rules;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final Duration invitationValidFor;
    private final Duration resetValidFor;
    private final String publicUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, PasswordRules rules, Outbox outbox, AuditLog audit,
            ApplicationEventPublisher events, FindByIndexNameSessionRepository<? extends Session> sessions,
            @Value("${tessa.accounts.invitation-valid-for}") Duration invitationValidFor,
            @Value("${tessa.accounts.reset-valid-for}") Duration resetValidFor,
            @Value("${tessa.public-url}") String publicUrl, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.rules = rules;
        this.outbox = outbox;
        this.audit = audit;
        this.events = events;
        this.sessions = sessions;
        this.invitationValidFor = invitationValidFor;
        this.resetValidFor = resetValidFor;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    /** An account as administrators see it. */
    public record Account(String username, String displayName, Role role, String email, Long schoolId,
            Long organisationId, String manages, boolean enabled, OffsetDateTime invitedAt, OffsetDateTime passwordSetAt,
            OffsetDateTime lastSignedInAt, OffsetDateTime deactivatedAt, String deactivatedBy) {

        public Status status() {
            return !enabled ? Status.DEACTIVATED : passwordSetAt == null ? Status.INVITED : Status.ACTIVE;
        }
    }

    public enum Status {
        INVITED("Invited"), ACTIVE("Active"), DEACTIVATED("Deactivated");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What an administrator says about a person. */
    public record Details(String username, String displayName, String email, Role role, Long schoolId,
            Long organisationId, String manages) {
    }

    /** Accounts by role, status and the school or partner organisation they belong to; each criterion may be absent. */
    @Transactional(readOnly = true)
    public List<Account> list(Role role, Status status, Long schoolId, Long organisationId) {
        return jdbc.sql("select * from staff_account where role <> 'PORTAL' order by display_name").query(Account.class)
                .list().stream().filter(account -> role == null || account.role() == role)
                .filter(account -> status == null || account.status() == status)
                .filter(account -> schoolId == null || schoolId.equals(account.schoolId()))
                .filter(account -> organisationId == null || organisationId.equals(account.organisationId())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return jdbc.sql("select * from staff_account where username = ?").param(username).query(Account.class).optional();
    }

    /** Creates the account, with no password anyone knows, and emails the person a link to set their own. */
    @Transactional
    public void invite(Details details, StaffMember admin) {
        List<FieldProblem> problems = check(details, true);
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        jdbc.sql("""
                insert into staff_account (username, password_hash, display_name, role, school_id, organisation_id, email,
                    manages, invited_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(details.username().strip(), unguessableHash(), details.displayName().strip(), details.role().name(),
                        schoolOf(details), organisationOf(details), details.email().strip(), managesOf(details), now())
                .update();
        audit.recordChange(admin.getUsername(), RECORD_TYPE, details.username().strip(),
                "Invited as " + details.role().name() + " (" + details.email().strip() + ")");
        sendLink(details.username().strip(), INVITATION, invitationValidFor);
    }

    /** Sends the invitation again, with a new link; earlier links stop working. */
    @Transactional
    public void reinvite(String username, StaffMember admin) {
        Account account = existing(username);
        if (account.status() != Status.INVITED) {
            throw new ConflictException("This person has already set their password.");
        }
        audit.recordChange(admin.getUsername(), RECORD_TYPE, username, "Invitation sent again");
        sendLink(username, INVITATION, invitationValidFor);
    }

    @Transactional
    public void edit(Details details, StaffMember admin) {
        Account account = existing(details.username());
        List<FieldProblem> problems = check(details, false);
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        jdbc.sql("""
                update staff_account set display_name = ?, email = ?, role = ?, school_id = ?, organisation_id = ?,
                    manages = ? where username = ?""")
                .params(details.displayName().strip(), details.email().strip(), details.role().name(), schoolOf(details),
                        organisationOf(details), managesOf(details), account.username())
                .update();
        audit.recordChange(admin.getUsername(), RECORD_TYPE, account.username(), "Changed: " + details.displayName().strip()
                + ", " + details.role().name() + ", " + details.email().strip());
        if (account.role() != details.role() || !java.util.Objects.equals(account.organisationId(), organisationOf(details))) {
            signOutEverywhere(account.username());
            events.publishEvent(new WorkHandedBack(account.username(), account.displayName() + " moved to another role or team",
                    admin.getUsername()));
        }
    }

    /** They can no longer sign in, anywhere; their tasks go back to their teams; nothing they did is lost. */
    @Transactional
    public void deactivate(String username, StaffMember admin) {
        Account account = existing(username);
        if (account.username().equals(admin.getUsername())) {
            throw new ConflictException("You cannot deactivate your own account.");
        }
        if (!account.enabled()) {
            throw new ConflictException("This account was already deactivated by " + account.deactivatedBy() + ".");
        }
        jdbc.sql("update staff_account set enabled = false, deactivated_at = ?, deactivated_by = ? where username = ?")
                .params(now(), admin.getUsername(), username).update();
        jdbc.sql("update account_token set used_at = ? where username = ? and used_at is null").params(now(), username).update();
        signOutEverywhere(username);
        events.publishEvent(new WorkHandedBack(username, account.displayName() + "'s account was deactivated",
                admin.getUsername()));
        audit.recordChange(admin.getUsername(), RECORD_TYPE, username, "Deactivated");
    }

    @Transactional
    public void reactivate(String username, StaffMember admin) {
        existing(username);
        jdbc.sql("update staff_account set enabled = true, deactivated_at = null, deactivated_by = null where username = ?")
                .param(username).update();
        audit.recordChange(admin.getUsername(), RECORD_TYPE, username, "Reactivated");
    }

    /**
     * "Forgot my password": a link to the account's email, if there is an account with that username or email that
     * may sign in. The answer is the same either way, so nobody learns who has an account.
     */
    @Transactional
    public void requestReset(String usernameOrEmail) {
        if (usernameOrEmail == null || usernameOrEmail.isBlank()) {
            return;
        }
        String asked = usernameOrEmail.strip();
        jdbc.sql("select username from staff_account where (username = ? or lower(email) = lower(?)) and enabled "
                        + "and email is not null and role <> 'PORTAL'")
                .params(asked, asked).query(String.class).list()
                .forEach(username -> sendLink(username, RESET, resetValidFor));
    }

    /** Whether a link still works, for the page that asks for the new password. */
    @Transactional(readOnly = true)
    public boolean linkWorks(String token) {
        return usableToken(token).isPresent();
    }

    /** Sets the password through a link, which then stops working; answers whose account it was. */
    @Transactional
    public String setPassword(String token, String password, String repeated) {
        String username = usableToken(token)
                .orElseThrow(() -> new InvalidSubmissionException("token", EXPIRED));
        Optional<String> problem = rules.problemWith(password, username);
        if (problem.isPresent()) {
            throw new InvalidSubmissionException("password", problem.get());
        }
        if (!password.equals(repeated)) {
            throw new InvalidSubmissionException("repeated", "Type the same password again");
        }
        jdbc.sql("update staff_account set password_hash = ?, password_set_at = ? where username = ?")
                .params(passwords.encode(password), now(), username).update();
        jdbc.sql("update account_token set used_at = ? where username = ? and used_at is null").params(now(), username).update();
        signOutEverywhere(username);
        audit.recordChange(username, RECORD_TYPE, username, "Set their password through an emailed link");
        return username;
    }

    /** When someone last signed in, for administrators. */
    @Transactional
    public void signedIn(String username) {
        jdbc.sql("update staff_account set last_signed_in_at = ? where username = ?").params(now(), username).update();
    }

    private Optional<String> usableToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select t.username from account_token t join staff_account a on a.username = t.username
                where t.token_hash = ? and t.used_at is null and t.expires_at > ? and a.enabled""")
                .params(Fingerprints.sha256(token), now()).query(String.class).optional();
    }

    private void sendLink(String username, String purpose, Duration validFor) {
        Account account = existing(username);
        jdbc.sql("update account_token set used_at = ? where username = ? and used_at is null").params(now(), username).update();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("insert into account_token (token_hash, username, purpose, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(Fingerprints.sha256(token), username, purpose, now(), now().plus(validFor)).update();
        String link = publicUrl + "/account/password?token=" + token;
        outbox.post(account.email(), INVITATION.equals(purpose) ? "You are invited to TESSA" : "Set a new TESSA password",
                INVITATION.equals(purpose) ? AccountLetters.invitation(account.displayName(), username, link, validFor)
                        : AccountLetters.reset(account.displayName(), username, link, validFor));
    }

    private void signOutEverywhere(String username) {
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
    }

    private List<FieldProblem> check(Details details, boolean isNew) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = details.username() == null ? "" : details.username().strip();
        if (isNew) {
            if (!username.matches("[a-z0-9][a-z0-9.\\-]{2,99}")) {
                problems.add(new FieldProblem("username", "Enter a username of 3 to 100 lower-case letters, digits, dots or hyphens"));
            } else if (find(username).isPresent()) {
                problems.add(new FieldProblem("username", "Someone already has that username"));
            }
        }
        if (details.displayName() == null || details.displayName().isBlank() || details.displayName().strip().length() > 200) {
            problems.add(new FieldProblem("displayName", "Enter the person's name, in up to 200 characters"));
        }
        if (details.email() == null || !details.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                || details.email().strip().length() > 254) {
            problems.add(new FieldProblem("email", "Enter an email address in the correct format, like name@example.org"));
        }
        if (details.manages() != null && details.manages().strip().length() > 100) {
            problems.add(new FieldProblem("manages", "Enter the work queue of the team, in up to 100 characters"));
        }
        if (details.role() == null || details.role() == Role.PORTAL) {
            problems.add(new FieldProblem("role", "Choose what the person does"));
        } else if (details.role() == Role.SCHOOL && details.schoolId() == null) {
            problems.add(new FieldProblem("schoolId", "Choose the person's school"));
        } else if (details.role() == Role.PARTNER && details.organisationId() == null) {
            problems.add(new FieldProblem("organisationId", "Choose the person's organisation"));
        }
        return problems;
    }

    private static Long schoolOf(Details details) {
        return details.role() == Role.SCHOOL ? details.schoolId() : null;
    }

    private static Long organisationOf(Details details) {
        return details.role() == Role.PARTNER ? details.organisationId() : null;
    }

    private static String managesOf(Details details) {
        return details.role() == Role.MANAGER && details.manages() != null && !details.manages().isBlank()
                ? details.manages().strip() : null;
    }

    private Account existing(String username) {
        return find(username).orElseThrow(() -> new RecordNotFoundException("Account " + username));
    }

    private String unguessableHash() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return passwords.encode(Base64.getEncoder().encodeToString(secret));
    }


    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
