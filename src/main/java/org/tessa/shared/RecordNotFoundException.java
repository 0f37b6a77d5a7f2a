package org.tessa.shared;

/**
 * The record does not exist, or the person may not know that it does: both are answered alike (404),
 * so that nobody learns about another school's enquiries by guessing references.
 */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String what) {
        super(what + " was not found");
    }
}
