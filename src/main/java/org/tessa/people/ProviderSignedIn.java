package org.tessa.people;

import java.util.Map;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Someone signed in through the council's identity provider: their TESSA account (what every page asks of a
 * signed-in person) together with what the provider said about them.
 */
final class ProviderSignedIn extends StaffMember implements OidcUser {

    private final OidcUser provider;

    ProviderSignedIn(StaffMember account, OidcUser provider) {
        super(account.getUsername(), null, account.displayName(), account.role(), account.schoolId().orElse(null),
                account.portalCode().orElse(null), account.organisationId().orElse(null), account.isEnabled());
        this.provider = provider;
    }

    @Override
    public Map<String, Object> getClaims() {
        return provider.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return provider.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return provider.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return provider.getAttributes();
    }

    @Override
    public String getName() {
        return getUsername();
    }
}
