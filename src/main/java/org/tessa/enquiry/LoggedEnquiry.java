package org.tessa.enquiry;

/**
 * The answer to logging an enquiry.
 *
 * @param repeated true when an earlier request with the same idempotency key already logged it
 */
public record LoggedEnquiry(String reference, EnquiryStatus status, boolean repeated) {
}
