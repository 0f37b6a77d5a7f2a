package org.tessa.shared;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** How the web pages answer what went wrong: a GOV.UK page in plain words, never a stack trace. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrors {

    static final String ERROR_VIEW = "problem";

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(RecordNotFoundException exception) {
        return page("Page not found", "If you typed the web address, check it is correct. "
                + "If you followed a link, the record may not exist or you may not have access to it.");
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView conflict(ConflictException exception) {
        return page("This cannot be done now", exception.getMessage());
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ModelAndView forbidden(AccessDeniedException exception) {
        return page("You cannot do this", "Your role in TESSA does not allow this page or action.");
    }

    /**
     * A value no form on the page offers (an address typed or changed by hand): the pages that take typed answers
     * catch their own and show them beside the fields; anything reaching here says what was wrong, as a 400.
     */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badValue(InvalidSubmissionException exception) {
        return page("There is a problem with this address", exception.problems().get(0).message() + ".");
    }

    private static ModelAndView page(String title, String detail) {
        var page = new ModelAndView(ERROR_VIEW);
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }
}
