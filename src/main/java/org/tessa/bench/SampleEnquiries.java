package org.tessa.bench;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Concern;
import org.tessa.enquiry.Consent;
import org.tessa.enquiry.NewEnquiry;

/**
 * Enquiries and triage decisions in the proportions of the demo's seeds (DemoData): two or three concerns
 * each, drawn as often as the demo uses them; one in four with a child at immediate risk; half with a UPN;
 * most from the web form, some by phone. Seeded, so that every run builds the same data set.
 */
final class SampleEnquiries {

    /** Each concern as often as the demo's four enquiries name it. */
    private static final List<Concern> CONCERNS = List.of(Concern.ATTENDANCE, Concern.ATTENDANCE,
            Concern.FAMILY_SUPPORT, Concern.FAMILY_SUPPORT, Concern.SOCIAL_EMOTIONAL_MENTAL_HEALTH,
            Concern.SOCIAL_EMOTIONAL_MENTAL_HEALTH, Concern.SAFEGUARDING, Concern.SEND, Concern.BEHAVIOUR);
    private static final List<String> FIRST_NAMES = List.of("Leo", "Maya", "Jayden", "Ava", "Noah", "Isla", "Oliver",
            "Amelia", "Harry", "Freya", "Mohammed", "Aisha", "Jack", "Zara", "Charlie", "Lily", "Theo", "Grace");
    private static final List<String> LAST_NAMES = List.of("Marsh", "Doyle", "Price", "Brennan", "Fenwick", "Khan",
            "Okafor", "Holt", "Evans", "Shah", "Lacey", "Ward", "Patel", "Ogden", "Morgan", "Hale", "Taylor", "Byrne");
    private static final List<String> SUMMARIES = List.of(
            "Attendance has fallen to 82% this term. Mum says she is struggling since dad moved out and mornings "
                    + "are hard with three children. The child says they worry about leaving her.",
            "Disclosed to their form tutor that an older person met online has asked to meet. Has marks on their "
                    + "arms and says they are from the cat.",
            "The class teacher thinks there may be an unmet speech and language need; frustrated and has hit other "
                    + "children twice this week.",
            "Has not come to school for three weeks. A parent has a long-term illness and the child is a young carer; "
                    + "CAMHS closed the case last year and the school nurse is worried about their weight.");
    private static final List<String> ADVICE = List.of(
            "Invite the family to the Family Hub's morning routines drop-in and agree a simple attendance plan.",
            "Offer a mentor and the Family Hub parenting course; check in with the child weekly.",
            "Keep a short record of the moments the child gets frustrated and talk to the SENCO about next steps.");
    private static final List<String> LEVELS_OF_NEED = List.of("EARLY_HELP", "EARLY_HELP", "TARGETED", "UNIVERSAL",
            "SPECIALIST");

    private final Random random;

    SampleEnquiries(long seed) {
        this.random = new Random(seed);
    }

    /** An enquiry; one that is to be closed with advice cannot be about a child at immediate risk (that goes to the MASH). */
    NewEnquiry next(boolean mayBeAtRisk) {
        Set<Concern> concerns = EnumSet.noneOf(Concern.class);
        int wanted = 2 + random.nextInt(2);
        while (concerns.size() < wanted) {
            concerns.add(pick(CONCERNS));
        }
        boolean withUpn = random.nextBoolean();
        String upn = withUpn ? "B" + String.format("%011d", random.nextLong(100_000_000_000L)) + random.nextInt(10) : null;
        var child = new NewEnquiry.Child(pick(FIRST_NAMES), pick(LAST_NAMES),
                LocalDate.of(2010 + random.nextInt(11), 1 + random.nextInt(12), 1 + random.nextInt(28)), upn,
                "Year " + (1 + random.nextInt(11)));
        return new NewEnquiry(null, child, concerns, pick(SUMMARIES), mayBeAtRisk && random.nextInt(4) == 0,
                random.nextInt(4) == 0 ? Consent.NOT_ASKED : Consent.GIVEN,
                new NewEnquiry.Referrer("Amira Khan", "Designated safeguarding lead (DSL)", "dsl@school.example.org",
                        "01744 555101"),
                random.nextInt(4) == 0 ? Channel.PHONE : Channel.WEB);
    }

    /** The triage form's values for advice given, which closes the enquiry. */
    Map<String, Object> adviceGiven() {
        return Map.of("triageOutcome", "ADVICE_GIVEN", "advice", pick(ADVICE), "levelOfNeed", pick(LEVELS_OF_NEED));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
