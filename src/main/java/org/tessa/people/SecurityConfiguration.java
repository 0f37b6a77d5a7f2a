package org.tessa.people;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. API clients authenticate with HTTP Basic on every request and hold no session;
 * people sign in with a form and a CSRF-protected session. Camunda's Cockpit, Tasklist and Admin and the
 * engine REST API are for administrators only, signed in through this same login.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, ApiKeys keys, SingleSignOnProperties sso,
            ObjectProvider<JwtDecoder> providerTokens, TokenClients tokenClients) throws Exception {
        http
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/engine-rest/**")).hasRole(Role.ADMIN.name())
                        // Checked before the body is read, so that nobody else learns from a 400 what a report holds.
                        .requestMatchers(path("/api/portals/**")).hasRole(Role.PORTAL.name())
                        .requestMatchers(path("/api/work/**")).hasRole(Role.MANAGER.name())
                        .requestMatchers(path("/api/drift"), path("/api/workloads"), path("/api/figures"))
                        .hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                // Before both the provider's bearer tokens and HTTP Basic, which may be switched off.
                .addFilterBefore(new ApiKeyAuthentication(keys, unauthorised(json)), BearerTokenAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorised(json))
                        .accessDeniedHandler(forbidden(json)))
                // Stateless: a browser's session cookie is never honoured here, so CSRF cannot apply.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::pageHeaders);
        if (sso.passwords()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorised(json)));
        }
        // Integrations' tokens from the council's identity provider, when spring.security.oauth2.resourceserver.jwt is set.
        if (providerTokens.getIfAvailable() != null) {
            var providerBearer = new DefaultBearerTokenResolver();
            http.oauth2ResourceServer(tokens -> tokens.jwt(jwt -> jwt.jwtAuthenticationConverter(tokenClients))
                    // TESSA's own API keys are bearer tokens too: ApiKeyAuthentication has checked them already.
                    .bearerTokenResolver(request -> Optional.ofNullable(providerBearer.resolve(request))
                            .filter(token -> !token.startsWith(ApiKeys.TOKEN_START)).orElse(null))
                    .authenticationEntryPoint(unauthorised(json)));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, SingleSignOnProperties sso,
            ObjectProvider<ClientRegistrationRepository> providers, SingleSignOnAccounts ssoAccounts) throws Exception {
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers(path("/account/password"), path("/account/forgotten")).permitAll()
                        // UP or DOWN for a load balancer; the details only for administrators (management.endpoint.health)
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .requestMatchers(path("/camunda/**")).hasRole(Role.ADMIN.name())
                        // Checked before any parameter is read, so that a refusal is never a 400 that says more.
                        .requestMatchers(path("/figures/report/commentary"), path("/oversight/work/**"))
                        .hasRole(Role.MANAGER.name())
                        .requestMatchers(path("/figures"), path("/figures.csv"), path("/figures/**"), path("/oversight/**"))
                        .hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                // Camunda's webapps send their own CSRF token, checked by their own filter.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/api/**")))
                .headers(SecurityConfiguration::pageHeaders)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        if (sso.passwords()) {
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(signInRefused())
                            .permitAll())
                    // Basic credentials are accepted (API clients reading /v3/api-docs), but a visitor who
                    // is not signed in is always sent to the sign-in page, never asked by a browser dialog.
                    .httpBasic(Customizer.withDefaults());
        }
        // Sign-in with the council's identity provider, when spring.security.oauth2.client.registration is set.
        if (providers.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/", true)
                    .userInfoEndpoint(info -> info.oidcUserService(ssoAccounts))
                    .failureHandler((request, response, refused) -> {
                        request.getSession().setAttribute(SignInPageController.PROVIDER_REFUSAL, refused.getMessage());
                        response.sendRedirect(request.getContextPath() + "/login?refusedByProvider");
                    }));
        }
        return http.build();
    }

    /**
     * TESSA's own pages load scripts, styles, fonts and images from TESSA's address only, and no other site may
     * frame them or learn from the Referer which child's record was open. Camunda's webapps and the API's
     * Swagger UI send their own policies (Cockpit needs inline scripts), so this one is not added to them.
     */
    private static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
        RequestMatcher tessasOwnPages = new NegatedRequestMatcher(new OrRequestMatcher(path("/camunda/**"),
                path("/swagger-ui/**"), path("/swagger-ui.html")));
        headers.frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(tessasOwnPages,
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)));
    }

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    /** Hands the Spring Security sign-in to Camunda's webapps, so administrators are not asked twice. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(
                "authentication-provider", CamundaWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        // After Spring Security's filter chain, which has already authenticated the request.
        registration.setOrder(101);
        return registration;
    }

    /**
     * A path anywhere in the application, whichever servlet serves it: the engine REST API and
     * Camunda's webapps are not Spring MVC, so MVC-aware matching would miss them.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** Sign-in with a TESSA password, slowed down after repeated failures. */
    @Bean
    AuthenticationProvider passwordSignIn(StaffDirectory staff, PasswordEncoder passwords, SignInThrottle throttle) {
        var checked = new DaoAuthenticationProvider(staff);
        checked.setPasswordEncoder(passwords);
        return new ThrottledPasswordSignIn(checked, throttle);
    }

    private static AuthenticationFailureHandler signInRefused() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof SignInThrottle.Throttled throttled ? "/login?wait=" + throttled.minutes() : "/login?error"));
    }

    private static AuthenticationEntryPoint unauthorised(ObjectMapper json) {
        return (request, response, exception) -> {
            if (exception instanceof SignInThrottle.Throttled throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.minutes() * 60));
                writeProblem(json, response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
                return;
            }
            if (exception instanceof ApiKeyAuthentication.Refused refused) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"TESSA\", error=\"invalid_token\"");
                writeProblem(json, response, HttpStatus.UNAUTHORIZED, refused.getMessage());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"TESSA\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Sign in with an API key (Authorization: Bearer "
                    + "tessa_...) or your TESSA username and password (HTTP Basic authentication).");
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, exception) -> writeProblem(json, response, HttpStatus.FORBIDDEN,
                "Your role does not allow this.");
    }

    private static void writeProblem(ObjectMapper json, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }
}
