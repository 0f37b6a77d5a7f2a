package org.tessa.shared;

import java.util.List;

/** A submission that breaks the rules; nothing of it was saved. Answered with 400 or a form error. */
public class InvalidSubmissionException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidSubmissionException(List<FieldProblem> problems) {
        super("Invalid submission: " + problems);
        this.problems = List.copyOf(problems);
    }

    public InvalidSubmissionException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
