package org.tessa.shared;

/** The request clashes with the record's current state, for example completing a task someone else holds. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
