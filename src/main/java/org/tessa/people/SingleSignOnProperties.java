package org.tessa.people;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in with the council's identity provider (OpenID Connect), on when Spring's client registration
 * {@code spring.security.oauth2.client.registration.<registration>} is configured; and integrations' tokens from it.
 *
 * @param registration    the client registration's name (council)
 * @param button          what the sign-in page's button says
 * @param rolesClaim      the ID token's claim with the person's groups or roles (Entra ID: roles or groups)
 * @param roles           each provider group or role that gives a TESSA role; the first the person has wins
 * @param createAccounts  whether someone with a mapped role and no account gets one on first sign-in (only roles
 *                        that need no school or organisation); otherwise they are refused, with a message
 * @param passwords       whether TESSA's own passwords still work (false: the provider only; API keys still do)
 * @param tokenClients    integrations' OAuth2 client ids (the token's azp, client_id or sub) and the TESSA account each
 *                        acts as
 */
@ConfigurationProperties("tessa.single-sign-on")
public record SingleSignOnProperties(String registration, String button, String rolesClaim, Map<String, Role> roles,
        boolean createAccounts, Boolean passwords, Map<String, String> tokenClients) {

    public SingleSignOnProperties {
        registration = registration == null ? "council" : registration;
        button = button == null ? "Sign in with your council account" : button;
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        passwords = passwords == null ? Boolean.TRUE : passwords;
        tokenClients = tokenClients == null ? Map.of() : Map.copyOf(tokenClients);
    }
}
