package org.tessa.enquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enquiries received in a period, for the figures, each marked as a re-referral when another enquiry about
 * the same child ({@link ChildMatching}, the rule the triage screen uses) arrived in the 12 months before it.
 * One read of the period and the year before it; no child's identity leaves this class.
 */
@Service
public class ReceivedEnquiries {

    static final int RE_REFERRAL_MONTHS = 12;

    private final EnquiryRepository enquiries;

    ReceivedEnquiries(EnquiryRepository enquiries) {
        this.enquiries = enquiries;
    }

    /** Enquiries received at or after {@code from} and before {@code to}, oldest first. */
    @Transactional(readOnly = true)
    public List<ReceivedEnquiry> between(Instant from, Instant to) {
        OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
        List<EnquiryRepository.Received> withTheYearBefore = enquiries.receivedBetween(
                start.minusMonths(RE_REFERRAL_MONTHS), to.atOffset(ZoneOffset.UTC));
        Map<LocalDate, List<EnquiryRepository.Received>> byBirth = new HashMap<>();
        Map<String, List<EnquiryRepository.Received>> byUpn = new HashMap<>();
        for (var received : withTheYearBefore) {
            byBirth.computeIfAbsent(received.child().dateOfBirth(), date -> new ArrayList<>()).add(received);
            if (received.child().upn() != null) {
                byUpn.computeIfAbsent(received.child().upn().toUpperCase(Locale.ROOT), upn -> new ArrayList<>()).add(received);
            }
        }
        List<ReceivedEnquiry> inPeriod = new ArrayList<>();
        for (var received : withTheYearBefore) {
            if (received.enquiry().receivedAt().isBefore(start)) {
                continue;
            }
            Set<EnquiryRepository.Received> candidates = new LinkedHashSet<>(byBirth.get(received.child().dateOfBirth()));
            if (received.child().upn() != null) {
                candidates.addAll(byUpn.get(received.child().upn().toUpperCase(Locale.ROOT)));
            }
            OffsetDateTime at = received.enquiry().receivedAt();
            boolean reReferral = candidates.stream().anyMatch(earlier -> earlier.id() != received.id()
                    && earlier.enquiry().receivedAt().isBefore(at)
                    && earlier.enquiry().receivedAt().isAfter(at.minusMonths(RE_REFERRAL_MONTHS))
                    && ChildMatching.sameChild(earlier.child(), received.child()));
            var e = received.enquiry();
            inPeriod.add(new ReceivedEnquiry(e.reference(), e.receivedAt(), e.schoolId(), e.schoolName(), e.channel(),
                    e.concerns(), e.immediateRisk(), e.status(), e.outcome(), reReferral));
        }
        return inPeriod;
    }
}
