package org.tessa.people;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The teams work belongs to: a role's work queue (the duty managers, the panel) or a partner organisation's,
 * named as people call them.
 */
@Service
public class Teams {

    private final PartnerDirectory partners;

    Teams(PartnerDirectory partners) {
        this.partners = partners;
    }

    /** The team's name; a queue TESSA does not know is shown as it is. */
    public String nameOf(String queue) {
        return Role.workersOf(queue).map(Role::teamName).orElseGet(() -> organisationOf(queue).flatMap(partners::find).map(PartnerOrganisation::name).orElse(queue));
    }

    /** Whether the queue is a partner organisation's. */
    public boolean isPartnerOrganisation(String queue) {
        return queue != null && organisationOf(queue).isPresent();
    }

    private static Optional<Long> organisationOf(String queue) {
        if (!queue.startsWith(StaffMember.PARTNER_QUEUE_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(queue.substring(StaffMember.PARTNER_QUEUE_PREFIX.length())));
        } catch (NumberFormatException notAnOrganisation) {
            return Optional.empty();
        }
    }
}
