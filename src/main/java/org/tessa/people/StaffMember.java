package org.tessa.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in person: who they are, their role and, for school staff, their school. */
public class StaffMember implements UserDetails, CredentialsContainer {

    static final String PARTNER_QUEUE_PREFIX = "partner-";

    private final String username;
    private String passwordHash;
    private final String displayName;
    private final Role role;
    private final Long schoolId;
    private final String portalCode;
    private final Long organisationId;
    private final boolean enabled;

    public StaffMember(String username, String passwordHash, String displayName, Role role, Long schoolId,
            String portalCode, Long organisationId, boolean enabled) {
        this.organisationId = organisationId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.schoolId = schoolId;
        this.portalCode = portalCode;
        this.enabled = enabled;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public boolean hasRole(Role candidate) {
        return role == candidate;
    }

    /** The school this person works for; empty for everyone but school staff. */
    public Optional<Long> schoolId() {
        return Optional.ofNullable(schoolId);
    }

    /** The portal a portal system account speaks for; empty for people. */
    public Optional<String> portalCode() {
        return Optional.ofNullable(portalCode);
    }

    /** The partner organisation a partner's staff member works for; empty for everyone else. */
    public Optional<Long> organisationId() {
        return Optional.ofNullable(organisationId);
    }

    /** The Camunda candidate groups whose unclaimed tasks this person may pick up. */
    public List<String> workQueues() {
        if (role == Role.PARTNER && organisationId != null) {
            return List.of(partnerQueue(organisationId));
        }
        return role.workQueue().stream().toList();
    }

    /** The work queue (Camunda candidate group) of one partner organisation. */
    public static String partnerQueue(long organisationId) {
        return PARTNER_QUEUE_PREFIX + organisationId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
