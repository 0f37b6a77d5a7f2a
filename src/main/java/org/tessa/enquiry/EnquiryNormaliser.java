package org.tessa.enquiry;

import java.util.Locale;

/** Tidies what people type (spaces, letter case) before it is checked and saved. */
final class EnquiryNormaliser {

    private EnquiryNormaliser() {
    }

    static NewEnquiry normalise(NewEnquiry e) {
        NewEnquiry.Child child = e.child() == null ? null : new NewEnquiry.Child(
                trim(e.child().firstName()), trim(e.child().lastName()), e.child().dateOfBirth(),
                upper(trim(e.child().upn())), trim(e.child().yearGroup()));
        NewEnquiry.Referrer referrer = e.referrer() == null ? null : new NewEnquiry.Referrer(
                trim(e.referrer().name()), trim(e.referrer().role()), trim(e.referrer().email()),
                trim(e.referrer().phone()));
        return new NewEnquiry(trim(e.schoolUrn()), child, e.concerns(), trim(e.summary()), e.immediateRisk(),
                e.consent(), referrer, e.channel());
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
