package org.tessa.people;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Camunda's webapps who signed in through Spring Security. Only administrators get this far
 * (the web security configuration guards /camunda/**); they join Camunda's admin group. The webapps
 * only accept people the engine's identity service knows, so an administrator is registered there on
 * first use, with a random password: nobody signs in to Camunda directly.
 */
public class CamundaWebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffMember staff)
                || !staff.hasRole(Role.ADMIN)) {
            return AuthenticationResult.unsuccessful();
        }
        registerAdministrator(engine.getIdentityService(), staff);
        AuthenticationResult result = AuthenticationResult.successful(staff.getUsername());
        result.setGroups(List.of(CAMUNDA_ADMIN_GROUP));
        return result;
    }

    private static void registerAdministrator(IdentityService identity, StaffMember staff) {
        if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN_GROUP).count() == 0) {
            Group group = identity.newGroup(CAMUNDA_ADMIN_GROUP);
            group.setName("Camunda administrators");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(staff.getUsername()).count() == 0) {
            User user = identity.newUser(staff.getUsername());
            user.setFirstName(staff.displayName());
            user.setLastName("(TESSA)");
            user.setPassword(UUID.randomUUID().toString());
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(staff.getUsername()).memberOfGroup(CAMUNDA_ADMIN_GROUP).count() == 0) {
            identity.createMembership(staff.getUsername(), CAMUNDA_ADMIN_GROUP);
        }
    }
}
