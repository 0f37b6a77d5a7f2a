package org.tessa.enquiry;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Whether two enquiries are about the same child: the same UPN (unique pupil number) when both have
 * one; otherwise the same name, spelt alike once case, spaces, hyphens and accents are set aside, the
 * same date of birth and the same school.
 */
final class ChildMatching {

    private ChildMatching() {
    }

    record ChildOnRecord(String firstName, String lastName, LocalDate dateOfBirth, String upn, long schoolId) {
    }

    static boolean sameChild(ChildOnRecord one, ChildOnRecord other) {
        if (one.upn() != null && other.upn() != null) {
            return one.upn().equalsIgnoreCase(other.upn());
        }
        return normalised(one.firstName()).equals(normalised(other.firstName()))
                && normalised(one.lastName()).equals(normalised(other.lastName()))
                && one.dateOfBirth().equals(other.dateOfBirth())
                && one.schoolId() == other.schoolId();
    }

    static String normalised(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
