package org.tessa.people;

import java.util.Optional;

/** What a person does in TESSA; decides what they may see and which work queues they serve. */
public enum Role {
    /** Staff of one school: sees only its own school's enquiries. */
    SCHOOL(null),
    /** Triages enquiries at the front door. */
    DUTY_MANAGER("duty-managers"),
    /** Sits on the Ways Forward Panel. */
    PANEL_MEMBER("panel-members"),
    /** Staff of one Family Hub partner organisation. */
    PARTNER(null),
    /** Named in a plan as the lead professional. */
    LEAD_PROFESSIONAL(null),
    /** Runs the system; the only role allowed into Camunda's Cockpit, Tasklist and Admin. */
    ADMIN(null),
    /** A portal's system account (for example the MASH's): reports decisions back through the API. */
    PORTAL(null);

    private final String workQueue;

    Role(String workQueue) {
        this.workQueue = workQueue;
    }

    /** The Camunda candidate group whose unclaimed tasks people in this role may pick up. */
    public Optional<String> workQueue() {
        return Optional.ofNullable(workQueue);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
