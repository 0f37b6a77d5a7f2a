package org.tessa.shared;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error from the JSON API is RFC 9457 problem+json with a plain-English detail; validation
 * problems also list each field and what is wrong with it. No stack traces, no 500 for bad input.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidSubmissionException exception) {
        return validationProblem(exception.problems());
    }

    @ExceptionHandler
    ProblemDetail notFound(RecordNotFoundException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage() + ".");
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail forbidden(AccessDeniedException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this.");
    }

    /** Anything unforeseen: logged in full for the team, answered in plain words to the caller. */
    @ExceptionHandler
    ProblemDetail unexpected(Exception exception) {
        log.error("Unexpected error answering an API request", exception);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side and nothing was saved. Please try again; if it keeps happening, "
                        + "contact the TESSA team.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableDetail(exception));
        return ResponseEntity.badRequest().body(problem);
    }

    private static String unreadableDetail(HttpMessageNotReadableException exception) {
        if (exception.getCause() instanceof UnrecognizedPropertyException unknown) {
            return "The request has a field this API does not know: '" + unknown.getPropertyName() + "'.";
        }
        if (exception.getCause() instanceof NulFreeText.NulCharacter nul) {
            return "'" + fieldPath(nul) + "' contains a NUL character (a hidden control character); remove it.";
        }
        if (exception.getCause() instanceof InvalidFormatException badValue && !badValue.getPath().isEmpty()) {
            return "The value '" + badValue.getValue() + "' is not allowed for '" + fieldPath(badValue) + "'.";
        }
        if (exception.getCause() instanceof MismatchedInputException wrongType && !wrongType.getPath().isEmpty()) {
            return "'" + fieldPath(wrongType) + "' must be " + kind(wrongType.getTargetType()) + ".";
        }
        return "The request body is not valid JSON of the expected shape.";
    }

    /** What a field takes, in the words of its JSON: text, a number, one of some values. */
    private static String kind(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type.isEnum()) {
            return "one of: " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date, like 2027-03-27";
        }
        return "an object";
    }

    /** The field's path as the errors list names fields: child.dateOfBirth, concerns[0]. */
    private static String fieldPath(MismatchedInputException exception) {
        StringBuilder path = new StringBuilder();
        for (var reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static ProblemDetail validationProblem(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some of the information is missing or not valid. Correct the fields listed in 'errors'.");
        problem.setTitle("Invalid submission");
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .toList());
        return problem;
    }
}
