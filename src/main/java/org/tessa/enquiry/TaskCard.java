package org.tessa.enquiry;

/**
 * What a task list shows of the enquiry a task is about, so that a person can choose a task without
 * opening it: the child, the school, the concerns and whether the child may be at immediate risk.
 */
public record TaskCard(String childName, String schoolName, String concerns, boolean immediateRisk) {
}
