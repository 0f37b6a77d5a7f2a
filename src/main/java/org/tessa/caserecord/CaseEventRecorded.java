package org.tessa.caserecord;

/**
 * Published, inside the step's transaction, after an event joins the case record: the modules that read
 * state from the record (the enquiry's status, for one) bring it up to date before the step commits.
 */
public record CaseEventRecorded(CaseEvent event) {
}
