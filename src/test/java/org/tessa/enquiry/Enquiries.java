package org.tessa.enquiry;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Realistic enquiries for tests, as a service call and as the JSON an API client sends. */
public final class Enquiries {

    private Enquiries() {
    }

    public static NewEnquiry attendanceWorry() {
        return new NewEnquiry(null,
                new NewEnquiry.Child("Ellie", "Rowe", LocalDate.of(2015, 3, 27), "B987654321098", "Year 6"),
                Set.of(Concern.ATTENDANCE, Concern.SOCIAL_EMOTIONAL_MENTAL_HEALTH),
                "Ellie has missed 9 days this half term and says she has stomach aches on school mornings.",
                false, Consent.GIVEN,
                new NewEnquiry.Referrer("Sam Tait", "Designated safeguarding lead (DSL)", "sam.tait@school.example.org",
                        "01744 555200"),
                null);
    }

    public static Map<String, Object> json() {
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("firstName", "Noah");
        child.put("lastName", "Fenwick");
        child.put("dateOfBirth", "2014-09-01");
        child.put("yearGroup", "Year 7");
        Map<String, Object> referrer = new LinkedHashMap<>();
        referrer.put("name", "Amira Khan");
        referrer.put("role", "Designated safeguarding lead (DSL)");
        referrer.put("email", "amira.khan@parrmeadow.example.org");
        Map<String, Object> enquiry = new LinkedHashMap<>();
        enquiry.put("child", child);
        enquiry.put("concerns", List.of("BEHAVIOUR", "FAMILY_SUPPORT"));
        enquiry.put("summary", "Noah has been excluded twice this term; his mum asked us for help with his anger at home.");
        enquiry.put("immediateRisk", false);
        enquiry.put("consent", "GIVEN");
        enquiry.put("referrer", referrer);
        return enquiry;
    }
}
