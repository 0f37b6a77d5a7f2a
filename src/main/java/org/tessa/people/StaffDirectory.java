package org.tessa.people;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The schools and staff accounts TESSA knows, and the sign-in lookup for Spring Security. */
@Service
public class StaffDirectory implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    StaffDirectory(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public StaffMember loadUserByUsername(String username) {
        return jdbc.sql("""
                select username, password_hash, display_name, role, school_id, portal_code, organisation_id, enabled
                from staff_account where username = ?""")
                .param(username)
                .query((rs, row) -> new StaffMember(rs.getString("username"), rs.getString("password_hash"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getObject("school_id", Long.class), rs.getString("portal_code"),
                        rs.getObject("organisation_id", Long.class), rs.getBoolean("enabled")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    /** The schools that may raise enquiries: open ones, by name. */
    /** The account, if there is one by that username. */
    public Optional<StaffMember> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(loadUserByUsername(username));
        } catch (UsernameNotFoundException none) {
            return Optional.empty();
        }
    }

    /** Whom a username names, as people see it; an account since removed is shown by its username. */
    public String nameOf(String username) {
        return find(username).map(StaffMember::displayName).orElse(username);
    }

    /** The schools that may raise enquiries: open ones, by name. */
    public List<School> schools() {
        return jdbc.sql("select id, urn, name from school where active order by name")
                .query(School.class).list();
    }

    /** An open school, by its URN. */
    public Optional<School> activeSchoolByUrn(String urn) {
        return jdbc.sql("select id, urn, name from school where urn = ? and active").param(urn)
                .query(School.class).optional();
    }

    public Optional<School> schoolByUrn(String urn) {
        return jdbc.sql("select id, urn, name from school where urn = ?").param(urn)
                .query(School.class).optional();
    }

    public Optional<School> school(long id) {
        return jdbc.sql("select id, urn, name from school where id = ?").param(id)
                .query(School.class).optional();
    }

    @Transactional
    public School addSchool(String urn, String name) {
        jdbc.sql("insert into school (urn, name) values (?, ?)").params(urn, name).update();
        return schoolByUrn(urn).orElseThrow();
    }

    /** Adds an account; the password is stored only as an adaptive (bcrypt) hash. */
    @Transactional
    public void addAccount(String username, String rawPassword, String displayName, Role role, Long schoolId) {
        jdbc.sql("""
                insert into staff_account (username, password_hash, display_name, role, school_id, password_set_at)
                values (?, ?, ?, ?, ?, current_timestamp)""")
                .params(username, passwordEncoder.encode(rawPassword), displayName, role.name(), schoolId)
                .update();
    }

    /** Adds the system account through which a portal reports back (for example the MASH's decisions). */
    @Transactional
    public void addPortalAccount(String username, String rawPassword, String displayName, String portalCode) {
        jdbc.sql("""
                insert into staff_account (username, password_hash, display_name, role, portal_code, password_set_at)
                values (?, ?, ?, ?, ?, current_timestamp)""")
                .params(username, passwordEncoder.encode(rawPassword), displayName, Role.PORTAL.name(), portalCode)
                .update();
    }

    /** The enabled accounts with a role, by display name. */
    public List<StaffMember> withRole(Role role) {
        return jdbc.sql("""
                select username, display_name, role, school_id, portal_code, organisation_id, enabled
                from staff_account where role = ? and enabled order by display_name""")
                .param(role.name())
                .query((rs, row) -> new StaffMember(rs.getString("username"), null, rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getObject("school_id", Long.class),
                        rs.getString("portal_code"), rs.getObject("organisation_id", Long.class), rs.getBoolean("enabled")))
                .list();
    }

    /** Adds a partner organisation's staff member, who works that organisation's queue. */
    @Transactional
    public void addPartnerAccount(String username, String rawPassword, String displayName, long organisationId) {
        jdbc.sql("""
                insert into staff_account (username, password_hash, display_name, role, organisation_id, password_set_at)
                values (?, ?, ?, ?, ?, current_timestamp)""")
                .params(username, passwordEncoder.encode(rawPassword), displayName, Role.PARTNER.name(), organisationId)
                .update();
    }

    /**
     * Adds a manager: of one team (a work queue such as {@code duty-managers}), or with {@code manages} null, of
     * the whole service. Their email address is where slipped work is escalated.
     */
    @Transactional
    public void addManager(String username, String rawPassword, String displayName, String email, String manages) {
        jdbc.sql("""
                insert into staff_account (username, password_hash, display_name, role, email, manages, password_set_at)
                values (?, ?, ?, ?, ?, ?, current_timestamp)""")
                .params(username, passwordEncoder.encode(rawPassword), displayName, Role.MANAGER.name(), email, manages)
                .update();
    }

    /** Who is told when a team's work slips: the team's own managers and the whole service's, by email address. */
    public List<String> managerEmails(String team) {
        return jdbc.sql("""
                select email from staff_account
                where role = ? and enabled and email is not null and (manages is null or manages = ?)
                order by email""")
                .params(Role.MANAGER.name(), team).query(String.class).list();
    }

    /** The account with this email address, whatever its case, if exactly one has it. */
    Optional<String> usernameForEmail(String email) {
        List<String> found = jdbc.sql("select username from staff_account where lower(email) = lower(?) and role <> ?")
                .params(email.strip(), Role.PORTAL.name()).query(String.class).list();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** An account for someone who signs in only through the identity provider: no password anyone knows. */
    @Transactional
    void addProviderAccount(String username, String displayName, String email, Role role) {
        jdbc.sql("""
                insert into staff_account (username, password_hash, display_name, role, email, password_set_at)
                values (?, ?, ?, ?, ?, current_timestamp)""")
                .params(username, passwordEncoder.encode(java.util.UUID.randomUUID() + "" + java.util.UUID.randomUUID()),
                        displayName, role.name(), email)
                .update();
    }

    @Transactional
    void changeRole(String username, Role role) {
        jdbc.sql("""
                update staff_account set role = ?,
                    school_id = case when ? = 'SCHOOL' then school_id else null end,
                    organisation_id = case when ? = 'PARTNER' then organisation_id else null end
                where username = ?""").params(role.name(), role.name(), role.name(), username).update();
    }

    public boolean hasAccounts() {
        return jdbc.sql("select count(*) from staff_account").query(Long.class).single() > 0;
    }
}
