package org.tessa.shared;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away, before anything else reads them, requests no browser or client of TESSA sends: a NUL character
 * in a parameter (PostgreSQL cannot store one), an address that is not in plain form (double
 * slashes, path parameters, letters written as %-escapes, which could slip past the rules on paths), and an API
 * body whose type is a wildcard. Each gets a 400 (or 415) that says what was wrong, as problem+json for the
 * API and as TESSA's error page for people, rather than failing deeper in with a 500.
 */
@Component
@Order(RequestScreening.ORDER)
class RequestScreening extends OncePerRequestFilter {

    /**
     * Just after Spring Boot's character encoding filter (at {@link Ordered#HIGHEST_PRECEDENCE}), which must come
     * first: reading the parameters here fixes how they are decoded, and before it a form's "Zoë" would be read as
     * ISO-8859-1, as "ZoÃ«", for the whole request.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    /** %-escapes of letters, digits and - . _ ~, which never need escaping in a path. */
    private static final Pattern ESCAPED_PLAIN_CHARACTER = Pattern.compile(
            "%(?:4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]|3[0-9]|2d|2e|5f|7e)", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json;

    RequestScreening(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal != null) {
            refuse(request, response, HttpStatus.BAD_REQUEST, refusal);
        } else if (isApi(request) && hasBody(request) && wildcardContentType(request)) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request body with Content-Type: application/json.");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static String refusal(HttpServletRequest request) {
        // Tomcat itself refuses a NUL (%00) in the address with a bare 400.
        String address = request.getRequestURI();
        if (address.contains("//") || address.contains(";") || address.contains("\\")
                || ESCAPED_PLAIN_CHARACTER.matcher(address).find()) {
            return "The web address is not in its plain form; use the address TESSA gave you.";
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0) {
                return "A parameter's name contains a NUL character; remove it.";
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    return "'" + parameter.getKey() + "' contains a NUL character (a hidden control character); remove it.";
                }
            }
        }
        return null;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/");
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean wildcardContentType(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.contains("*");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        if (isApi(request)) {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
        } else {
            response.sendError(status.value(), detail);
        }
    }
}
