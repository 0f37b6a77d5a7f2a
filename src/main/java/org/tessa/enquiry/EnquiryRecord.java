package org.tessa.enquiry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.tessa.people.School;

/** An enquiry as shown to someone entitled to read it. */
public record EnquiryRecord(
        String reference,
        School school,
        Child child,
        Set<Concern> concerns,
        String summary,
        boolean immediateRisk,
        Consent consent,
        Referrer referrer,
        Channel channel,
        EnquiryStatus status,
        EnquiryOutcome outcome,
        OffsetDateTime receivedAt,
        String overdueReason,
        List<ReferrerResponse> responses,
        OffsetDateTime anonymisedAt) {

    public record Child(String firstName, String lastName, LocalDate dateOfBirth, String upn, String yearGroup) {

        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    public record Referrer(String name, String role, String email, String phone) {
    }
}
