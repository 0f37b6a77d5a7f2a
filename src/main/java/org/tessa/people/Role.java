package org.tessa.people;

import java.util.Optional;

/** What a person does in TESSA; decides what they may see and which work queues they serve. */
public enum Role {
    /** Staff of one school: sees only its own school's enquiries. */
    SCHOOL("School staff", null, null),
    /** Triages enquiries at the front door. */
    DUTY_MANAGER("Duty manager", "duty-managers", "Duty managers"),
    /** Sits on the Ways Forward Panel. */
    PANEL_MEMBER("Panel member", "panel-members", "Panel members"),
    /** Staff of one Family Hub partner organisation. */
    PARTNER("Family Hub partner", null, null),
    /** Named in a plan as the lead professional. */
    LEAD_PROFESSIONAL("Lead professional", null, null),
    /** Runs the system; the only role allowed into Camunda's Cockpit, Tasklist and Admin. */
    ADMIN("Administrator", null, null),
    /**
     * Leads a team or the whole service: sees the drift list and everyone's workload, is told when work
     * slips, and moves work between people.
     */
    MANAGER("Manager", null, null),
    /** A portal's system account (for example the MASH's): reports decisions back through the API. */
    PORTAL("Portal system", null, null);

    private final String label;
    private final String workQueue;
    private final String teamName;

    Role(String label, String workQueue, String teamName) {
        this.label = label;
        this.workQueue = workQueue;
        this.teamName = teamName;
    }

    /** The role in words. */
    public String label() {
        return label;
    }

    /** The role whose people work a queue, for a role's own queue (not a partner organisation's). */
    public static Optional<Role> workersOf(String queue) {
        for (Role role : values()) {
            if (role.workQueue().filter(queue::equals).isPresent()) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The team that works this role's queue, as people call it. */
    String teamName() {
        return teamName;
    }

    /** The Camunda candidate group whose unclaimed tasks people in this role may pick up. */
    public Optional<String> workQueue() {
        return Optional.ofNullable(workQueue);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
