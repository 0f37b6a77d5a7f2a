package org.tessa.caserecord;

import java.util.EnumSet;
import java.util.Set;

import org.tessa.people.Role;
import org.tessa.people.StaffMember;

/**
 * Who may see an event in a child's chronology. Access to the enquiry itself is checked first, by the
 * enquiry's own rules; this decides which of its events each kind of reader is shown.
 */
public enum Audience {
    /** The referring school's staff. */
    SCHOOL,
    /** Council staff at the front door: duty managers, service managers and administrators. */
    STAFF,
    /** Members of the Ways Forward Panel, who may read its deliberations. */
    PANEL,
    /** The lead professional a plan for the enquiry names. */
    LEAD_PROFESSIONAL,
    /** A Family Hub partner organisation holding work on the case; only its own, when the event names one. */
    PARTNER;

    static final Set<Audience> SCHOOL_AND_COUNCIL = EnumSet.of(SCHOOL, STAFF, PANEL, LEAD_PROFESSIONAL);
    static final Set<Audience> COUNCIL = EnumSet.of(STAFF, PANEL, LEAD_PROFESSIONAL);
    static final Set<Audience> EVERYONE = EnumSet.allOf(Audience.class);
    static final Set<Audience> PEOPLE_ON_THE_PLAN = EnumSet.of(STAFF, PANEL, LEAD_PROFESSIONAL, PARTNER);

    /** The audiences a reader belongs to, from their roles. */
    public static Set<Audience> of(StaffMember reader) {
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        if (reader.hasRole(Role.SCHOOL)) {
            audiences.add(SCHOOL);
        }
        if (reader.hasRole(Role.DUTY_MANAGER) || reader.hasRole(Role.ADMIN) || reader.hasRole(Role.MANAGER)) {
            audiences.add(STAFF);
        }
        if (reader.hasRole(Role.PANEL_MEMBER)) {
            audiences.add(STAFF);
            audiences.add(PANEL);
        }
        if (reader.hasRole(Role.LEAD_PROFESSIONAL)) {
            audiences.add(LEAD_PROFESSIONAL);
        }
        if (reader.hasRole(Role.PARTNER)) {
            audiences.add(PARTNER);
        }
        return audiences;
    }
}
