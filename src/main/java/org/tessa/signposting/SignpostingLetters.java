package org.tessa.signposting;

import java.util.List;

/** What the referrer is told when every signpost is done, in plain words with acronyms explained. */
final class SignpostingLetters {

    private SignpostingLetters() {
    }

    static String outcome(String reference, List<Signpost> signposts) {
        StringBuilder letter = new StringBuilder("Every service we signposted your enquiry ")
                .append(reference).append(" to has now been dealt with:\n");
        for (Signpost signpost : signposts) {
            letter.append("\n").append(signpost.portal().name()).append("\n").append(line(signpost)).append("\n");
        }
        letter.append("""

                We have closed the enquiry. If things change, or you are still worried, call the TESSA hotline \
                or raise a new enquiry. If a child is at immediate risk of harm, phone the MASH (multi-agency \
                safeguarding hub) or 999 now.""");
        return letter.toString();
    }

    private static String line(Signpost signpost) {
        Portal portal = signpost.portal();
        return switch (signpost.status()) {
            case REFERRAL_SENT -> "We sent the referral for you (their reference " + signpost.acknowledgement()
                    + "). " + portal.guidance();
            case DECIDED -> "The referral (MASH reference " + signpost.acknowledgement() + ") was decided: "
                    + signpost.decision().label() + ".";
            default -> "Please refer through " + portal.publicLink() + ". " + portal.guidance();
        };
    }
}
