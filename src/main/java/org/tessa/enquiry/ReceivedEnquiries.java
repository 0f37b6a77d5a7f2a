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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enquiries received in a period, for the figures, each marked as a re-referral when another enquiry about
 * the same child ({@link ChildMatching}, the rule the triage screen uses) arrived in the 12 months before it.
 * One read of the period and the year before it; no child's identity leaves this class. An anonymised enquiry
 * has no child to match: whether it, and the enquiries after it about the same child, were re-referrals is
 * settled just before it is anonymised, so a report on an old period keeps its figures.
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
        return marked(start, to.atOffset(ZoneOffset.UTC)).stream()
                .map(marked -> {
                    var e = marked.received().enquiry();
                    return new ReceivedEnquiry(e.reference(), e.receivedAt(), e.schoolId(), e.schoolName(), e.channel(),
                            e.concerns(), e.immediateRisk(), e.status(), e.outcome(), marked.reReferral());
                })
                .toList();
    }

    /**
     * Before the enquiry's child is forgotten: fixes whether it was a re-referral, and whether each later enquiry
     * about the same child within the following 12 months was one, as the figures say today.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void settleBeforeAnonymising(String reference, OffsetDateTime receivedAt) {
        List<Marked> yearAfter = marked(receivedAt, receivedAt.plusMonths(RE_REFERRAL_MONTHS).plusSeconds(1));
        yearAfter.stream().filter(marked -> marked.received().enquiry().reference().equals(reference)).findFirst()
                .ifPresent(forgotten -> yearAfter.stream()
                        .filter(marked -> marked == forgotten || (!marked.received().anonymised()
                                && ChildMatching.sameChild(forgotten.received().child(), marked.received().child())))
                        .forEach(marked -> enquiries.settleReReferral(marked.received().id(), marked.reReferral())));
    }

    private record Marked(EnquiryRepository.Received received, boolean reReferral) {
    }

    /** The enquiries received in [start, end), each with whether it is a re-referral. */
    private List<Marked> marked(OffsetDateTime start, OffsetDateTime end) {
        List<EnquiryRepository.Received> withTheYearBefore = enquiries.receivedBetween(
                start.minusMonths(RE_REFERRAL_MONTHS), end);
        Map<LocalDate, List<EnquiryRepository.Received>> byBirth = new HashMap<>();
        Map<String, List<EnquiryRepository.Received>> byUpn = new HashMap<>();
        for (var received : withTheYearBefore) {
            if (received.anonymised()) {
                continue;
            }
            byBirth.computeIfAbsent(received.child().dateOfBirth(), date -> new ArrayList<>()).add(received);
            if (received.child().upn() != null) {
                byUpn.computeIfAbsent(received.child().upn().toUpperCase(Locale.ROOT), upn -> new ArrayList<>()).add(received);
            }
        }
        List<Marked> inPeriod = new ArrayList<>();
        for (var received : withTheYearBefore) {
            if (received.enquiry().receivedAt().isBefore(start)) {
                continue;
            }
            inPeriod.add(new Marked(received, received.settledReReferral() != null ? received.settledReReferral()
                    : !received.anonymised() && hadEarlier(received, byBirth, byUpn)));
        }
        return inPeriod;
    }

    private static boolean hadEarlier(EnquiryRepository.Received received,
            Map<LocalDate, List<EnquiryRepository.Received>> byBirth, Map<String, List<EnquiryRepository.Received>> byUpn) {
        Set<EnquiryRepository.Received> candidates = new LinkedHashSet<>(byBirth.get(received.child().dateOfBirth()));
        if (received.child().upn() != null) {
            candidates.addAll(byUpn.get(received.child().upn().toUpperCase(Locale.ROOT)));
        }
        OffsetDateTime at = received.enquiry().receivedAt();
        return candidates.stream().anyMatch(earlier -> earlier.id() != received.id()
                && earlier.enquiry().receivedAt().isBefore(at)
                && earlier.enquiry().receivedAt().isAfter(at.minusMonths(RE_REFERRAL_MONTHS))
                && ChildMatching.sameChild(earlier.child(), received.child()));
    }
}
