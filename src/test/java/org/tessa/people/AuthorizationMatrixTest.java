package org.tessa.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tessa.TessaIntegrationTest;

/**
 * Every address Spring MVC serves, asked by every role and by nobody signed in, with records that do not exist.
 * The table below says who may use each; an address it does not name fails the test, so a new endpoint cannot
 * arrive without a decision about who may call it. A role that may not is refused (403, or 404 where asking is
 * answered as if the record did not exist); a role that may is never refused for its role; nobody gets a 500.
 * Which records each may read (school A and B, a partner with and without a task, a plan's lead professional)
 * is tested with real records in the features' own tests.
 */
class AuthorizationMatrixTest extends TessaIntegrationTest {

    private static final Set<String> EVERYONE = Set.of("SCHOOL", "DUTY_MANAGER", "PANEL_MEMBER", "PARTNER",
            "LEAD_PROFESSIONAL", "ADMIN", "MANAGER");
    private static final Set<String> PUBLIC = Set.of("ANONYMOUS");
    private static final Set<String> NOBODY = Set.of();
    private static final Set<String> COUNCIL_STAFF = Set.of("DUTY_MANAGER", "PANEL_MEMBER", "LEAD_PROFESSIONAL", "ADMIN");
    private static final Set<String> TASK_WORKERS = Set.of("DUTY_MANAGER", "PANEL_MEMBER", "PARTNER", "LEAD_PROFESSIONAL");
    private static final Set<String> PANEL = Set.of("PANEL_MEMBER", "ADMIN");
    private static final Set<String> PLAN_WRITERS = Set.of("PANEL_MEMBER", "ADMIN", "LEAD_PROFESSIONAL");
    private static final Set<String> INTAKE = Set.of("SCHOOL", "DUTY_MANAGER");
    private static final Set<String> SCHOOL = Set.of("SCHOOL");
    private static final Set<String> ADMIN = Set.of("ADMIN");
    private static final Set<String> MANAGER = Set.of("MANAGER");
    private static final Set<String> OVERSIGHT = Set.of("MANAGER", "ADMIN");
    private static final Set<String> READ_EVERY_ENQUIRY = Set.of("SCHOOL", "DUTY_MANAGER", "PANEL_MEMBER", "ADMIN", "MANAGER");

    /** The demo account used for each role. */
    private static final Map<String, String> ACCOUNTS = Map.of("SCHOOL", "school-a", "DUTY_MANAGER", "duty-manager",
            "PANEL_MEMBER", "panel-member", "PARTNER", "partner", "LEAD_PROFESSIONAL", "lead-professional", "ADMIN", "admin", "MANAGER", "manager");

    /** Method (or * for any) and path pattern, in order: the first that matches decides. */
    private static final List<Rule> RULES = List.of(
            rule("*", "/error", PUBLIC),
            rule("GET", "/login", PUBLIC),
            rule("*", "/account/(password|forgotten)", PUBLIC),
            rule("GET", "/", EVERYONE),
            rule("GET", "/glossary", EVERYONE),
            rule("GET", "/v3/api-docs.*", EVERYONE),
            rule("GET", "/swagger-ui.html", EVERYONE),
            rule("*", "/admin(/.*)?", ADMIN),
            rule("*", "/api/admin/.*", ADMIN),
            rule("POST", "/api/portals/\\{portal}/decisions", NOBODY),
            rule("GET", "/api/schools", EVERYONE),
            rule("POST", "/api/enquiries", INTAKE),
            rule("GET", "/api/enquiries", READ_EVERY_ENQUIRY),
            rule("GET", "/api/enquiries/\\{reference}(/chronology)?", EVERYONE),
            rule("POST", "/api/enquiries/\\{reference}/(information|withdrawal)", SCHOOL),
            rule("POST", "/api/enquiries/\\{reference}/notes", COUNCIL_STAFF),
            rule("*", "/api/tasks.*", TASK_WORKERS),
            rule("GET", "/api/(drift|workloads|figures)", OVERSIGHT),
            rule("POST", "/figures/report/commentary", MANAGER),
            rule("GET", "/figures(\\.csv|/report|/report\\.pdf)?", OVERSIGHT),
            rule("POST", "/api/work/\\{taskId}/transfer", MANAGER),
            rule("*", "/oversight/work/\\{taskId}", MANAGER),
            rule("GET", "/oversight/(drift|workloads)", OVERSIGHT),
            rule("GET", "/enquiries", READ_EVERY_ENQUIRY),
            rule("GET", "/enquiries/new", INTAKE),
            rule("POST", "/enquiries", INTAKE),
            rule("*", "/enquiries/\\{reference}/(information|withdraw)", SCHOOL),
            rule("GET", "/enquiries/\\{reference}/questions", SCHOOL),
            rule("POST", "/enquiries/\\{reference}/questions/answer", SCHOOL),
            rule("POST", "/enquiries/\\{reference}/questions", PANEL),
            rule("GET", "/enquiries/\\{reference}/triage", Set.of("DUTY_MANAGER", "PANEL_MEMBER", "ADMIN")),
            rule("POST", "/enquiries/\\{reference}/notes", COUNCIL_STAFF),
            rule("GET", "/enquiries/\\{reference}(/chronology|/chronology.pdf|/signposts)?", EVERYONE),
            rule("GET", "/cases/\\{reference}", EVERYONE),
            rule("*", "/tasks.*", TASK_WORKERS),
            rule("GET", "/my-cases", Set.of("LEAD_PROFESSIONAL")),
            rule("GET", "/plans/\\{reference}/summary", EVERYONE),
            rule("*", "/plans/.*", PLAN_WRITERS),
            rule("*", "/panel/cases/\\{reference}", PANEL),
            rule("*", "/panel.*", PANEL));

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyAddressRefusesTheRolesItShouldAndFailsForNobody() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Rule rule = RULES.stream().filter(r -> r.matches(endpoint)).findFirst().orElse(null);
            if (rule == null) {
                wrong.add(endpoint + ": no rule says who may use it; add one to AuthorizationMatrixTest.RULES");
                continue;
            }
            int anonymous = status(endpoint, null);
            if (rule.roles() == PUBLIC) {
                check(wrong, anonymous < 500, endpoint, "nobody signed in", anonymous);
                continue;
            }
            check(wrong, anonymous == 401 || anonymous == 302, endpoint, "nobody signed in", anonymous);
            for (String role : EVERYONE) {
                int status = status(endpoint, ACCOUNTS.get(role));
                if (rule.roles().contains(role)) {
                    check(wrong, status != 401 && status != 403 && status < 500, endpoint, role + " (allowed)", status);
                } else {
                    check(wrong, status == 403 || status == 404, endpoint, role + " (refused)", status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(List<String> wrong, boolean right, Endpoint endpoint, String who, int status) {
        if (!right) {
            wrong.add(endpoint + " as " + who + " answered " + status);
        }
    }

    /** The status for the endpoint with made-up path variables and an empty body, as {@code username} or nobody. */
    private int status(Endpoint endpoint, String username) throws Exception {
        String path = endpoint.pattern().replaceAll("\\{reference}", "TES-2000-999999").replaceAll("\\{[^}]+}", "999999");
        MockHttpServletRequestBuilder ask = request(HttpMethod.valueOf(endpoint.method()), path);
        if (!endpoint.method().equals("GET")) {
            ask.with(csrf());
            if (path.startsWith("/api/")) {
                ask.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        if (username != null) {
            ask.with(user(person(username)));
        }
        return mvc.perform(ask).andReturn().getResponse().getStatus();
    }

    private Set<Endpoint> endpoints() {
        Set<Endpoint> found = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    found.add(new Endpoint("GET", pattern));
                }
                methods.forEach(method -> found.add(new Endpoint(method.name(), pattern)));
            }
        });
        return found;
    }

    private static Rule rule(String method, String pattern, Set<String> roles) {
        return new Rule(method, Pattern.compile(pattern), roles);
    }

    record Rule(String method, Pattern path, Set<String> roles) {

        boolean matches(Endpoint endpoint) {
            return (method.equals("*") || method.equals(endpoint.method())) && path.matcher(endpoint.pattern()).matches();
        }
    }

    record Endpoint(String method, String pattern) implements Comparable<Endpoint> {

        @Override
        public int compareTo(Endpoint other) {
            return (pattern + " " + method).compareTo(other.pattern + " " + other.method);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }
}
