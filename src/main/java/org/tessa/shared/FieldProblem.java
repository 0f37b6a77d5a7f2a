package org.tessa.shared;

/** One thing wrong with one field of a submission, said so that the person can fix it. */
public record FieldProblem(String field, String message) {
}
