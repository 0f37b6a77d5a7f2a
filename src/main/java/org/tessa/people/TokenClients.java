package org.tessa.people;

import java.util.stream.Stream;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * An integration's token from the council's identity provider (OAuth2 client credentials), already checked for its
 * signature, issuer, expiry and audience: it acts as the TESSA account configured for its client id.
 */
@Component
class TokenClients implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SingleSignOnProperties properties;
    private final StaffDirectory staff;

    TokenClients(SingleSignOnProperties properties, StaffDirectory staff) {
        this.properties = properties;
        this.staff = staff;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String client = Stream.of("azp", "client_id", "sub").map(token::getClaimAsString)
                .filter(value -> value != null && properties.tokenClients().containsKey(value)).findFirst()
                .orElseThrow(() -> new BadCredentialsException("This client has no TESSA account: ask your TESSA "
                        + "administrator to add it to tessa.single-sign-on.token-clients."));
        StaffMember account = staff.find(properties.tokenClients().get(client)).filter(StaffMember::isEnabled)
                .orElseThrow(() -> new BadCredentialsException("The TESSA account this client acts as is missing or "
                        + "deactivated."));
        return new PreAuthenticatedAuthenticationToken(account, token, account.getAuthorities());
    }
}
