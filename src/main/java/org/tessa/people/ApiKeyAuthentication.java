package org.tessa.people;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer tessa_...} on the API: the request acts as the key's account. A key that is not valid
 * is refused at once (401), never passed on to be tried as something else.
 */
class ApiKeyAuthentication extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint refusal;

    ApiKeyAuthentication(ApiKeys keys, AuthenticationEntryPoint refusal) {
        this.keys = keys;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
        // Another bearer token (the identity provider's, for an integration) is for the resource server to check.
        if (token == null || !token.startsWith(ApiKeys.TOKEN_START)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StaffMember> account = keys.authenticate(token);
        if (account.isEmpty()) {
            SecurityContextHolder.clearContext();
            refusal.commence(request, response, new Refused());
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.get(), null,
                account.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    /** A bearer token that is no usable key. */
    static final class Refused extends BadCredentialsException {

        Refused() {
            super("The API key is not valid: it may be mistyped, revoked or expired. Ask an administrator for a new one.");
        }
    }
}
