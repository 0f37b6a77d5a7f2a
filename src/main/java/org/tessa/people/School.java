package org.tessa.people;

/** A school that may raise enquiries. The URN is the Department for Education's unique reference number. */
public record School(long id, String urn, String name) {
}
