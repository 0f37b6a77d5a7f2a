package org.tessa.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The answer to whatever no controller answered (an unknown address, a method an address does not take, a
 * request refused by a filter): TESSA's error page for a browser, RFC 9457 problem+json for anything else, in
 * plain words and never with a stack trace. Asked for directly, {@code /error} is a page that does not exist.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorResponses extends BasicErrorController {

    ErrorResponses(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> views) {
        super(errorAttributes, server.getError(), views);
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail(status, request));
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            problem.put("instance", path);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, status);
    }

    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            return HttpStatus.NOT_FOUND;
        }
        return super.getStatus(request);
    }

    private static String detail(HttpStatus status, HttpServletRequest request) {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (status == HttpStatus.BAD_REQUEST && message instanceof String said && !said.isBlank()) {
            return said;
        }
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address. Check it against the API description at /v3/api-docs.";
            case METHOD_NOT_ALLOWED -> "This address does not take " + request.getMethod()
                    + "; see the API description at /v3/api-docs for the methods it takes.";
            case UNAUTHORIZED -> "Sign in with your TESSA username and password.";
            case FORBIDDEN -> "Your role does not allow this.";
            case BAD_REQUEST -> "The request is not in a form TESSA accepts.";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side and nothing was saved. Please try again; if it keeps happening, "
                            + "contact the TESSA team."
                    : status.getReasonPhrase() + ".";
        };
    }
}
