package org.tessa.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.tessa.audit.AuditLog;

/**
 * Whose TESSA account someone signing in through the council's identity provider is: the account with the email
 * claim's address, in the role the provider's groups or roles claim maps to. Someone without an account is refused
 * with a message (or given one, if configured); nobody signs in as a deactivated account.
 */
@Component
class SingleSignOnAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final StaffDirectory staff;
    private final SingleSignOnProperties properties;
    private final AuditLog audit;

    SingleSignOnAccounts(StaffDirectory staff, SingleSignOnProperties properties, AuditLog audit) {
        this.staff = staff;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return signIn(provider.loadUser(request));
    }

    OidcUser signIn(OidcUser person) {
        String email = person.getEmail();
        if (email == null || email.isBlank()) {
            throw refused("Your council account has no email address, so TESSA cannot tell which account is yours.");
        }
        Optional<Role> role = mappedRole(person.getClaims().get(properties.rolesClaim()));
        if (role.isEmpty()) {
            throw refused("Your council account has no TESSA role. Ask your TESSA administrator.");
        }
        Optional<String> username = staff.usernameForEmail(email);
        if (username.isEmpty()) {
            if (!properties.createAccounts() || role.get() == Role.SCHOOL || role.get() == Role.PARTNER) {
                throw refused("There is no TESSA account for " + email + ". Ask your TESSA administrator to invite you.");
            }
            String name = person.getFullName() != null ? person.getFullName() : email;
            staff.addProviderAccount(email.strip().toLowerCase(java.util.Locale.ROOT), name, email.strip(), role.get());
            audit.recordChange("TESSA", "ACCOUNT", email, "Created on first sign-in through the identity provider as "
                    + role.get().name());
            username = Optional.of(email.strip().toLowerCase(java.util.Locale.ROOT));
        }
        StaffMember account = load(username.get());
        if (!account.isEnabled()) {
            throw refused("Your TESSA account is deactivated. Ask your TESSA administrator.");
        }
        if (account.role() != role.get()) {
            if ((role.get() == Role.SCHOOL && account.schoolId().isEmpty())
                    || (role.get() == Role.PARTNER && account.organisationId().isEmpty())) {
                throw refused("Your council account's role needs a school or organisation your TESSA account does not "
                        + "have. Ask your TESSA administrator.");
            }
            staff.changeRole(account.getUsername(), role.get());
            audit.recordChange("TESSA", "ACCOUNT", account.getUsername(), "Role changed to " + role.get().name()
                    + " by the identity provider");
            account = load(account.getUsername());
        }
        return new ProviderSignedIn(account, person);
    }

    private Optional<Role> mappedRole(Object claim) {
        List<String> held = claim instanceof Collection<?> values ? values.stream().map(String::valueOf).toList()
                : claim == null ? List.of() : List.of(claim.toString());
        return properties.roles().entrySet().stream().filter(mapping -> held.contains(mapping.getKey()))
                .map(java.util.Map.Entry::getValue).findFirst();
    }

    private StaffMember load(String username) {
        try {
            return staff.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            throw refused("Your TESSA account could not be found. Ask your TESSA administrator.");
        }
    }

    private static OAuth2AuthenticationException refused(String message) {
        return new OAuth2AuthenticationException(new OAuth2Error("tessa_account", message, null), message);
    }
}
