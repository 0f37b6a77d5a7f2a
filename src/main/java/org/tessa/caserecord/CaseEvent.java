package org.tessa.caserecord;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import org.tessa.people.StaffMember;

/**
 * One thing that happened to an enquiry, as the case record keeps it for good: when, who, which enquiry,
 * what (a plain-English line and typed details) and who may see it.
 *
 * @param by                    the username of the person, or {@value CaseRecord#SYSTEM} for TESSA's own steps
 * @param byName                how that person was known when it happened
 * @param partnerOrganisationId the partner organisation the event concerns, if any: other partners never see it
 * @param link                  where the record it came from can be read, if anywhere
 */
public record CaseEvent(long id, OffsetDateTime at, String enquiryReference, CaseEventKind kind, String summary,
        String by, String byName, Set<Audience> audience, Long partnerOrganisationId, Map<String, String> details,
        String link) {

    /** A typed detail, such as the triage outcome; null when the event has none of that name. */
    public String detail(String name) {
        return details.get(name);
    }

    /** Whether {@code reader}, already entitled to the enquiry, may see this event in its chronology. */
    public boolean visibleTo(StaffMember reader) {
        return Audience.of(reader).stream().anyMatch(audience -> audience == Audience.PARTNER
                ? this.audience.contains(Audience.PARTNER) && (partnerOrganisationId == null
                        || reader.organisationId().filter(partnerOrganisationId::equals).isPresent())
                : this.audience.contains(audience));
    }
}
