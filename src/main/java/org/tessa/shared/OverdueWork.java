package org.tessa.shared;

import java.time.Instant;
import java.util.List;

/**
 * A kind of work that can slip: each feature whose steps someone owns lists its own items past their due date,
 * and the managers' drift list and escalations read every implementation. A new kind of work joins the drift
 * list by implementing this; nothing can be overdue without appearing there.
 */
public interface OverdueWork {

    /** This kind's open items due before {@code now}, oldest first. */
    List<Item> overdueAt(Instant now);

    /**
     * One overdue item.
     *
     * @param key               unique across every kind (for example {@code task:<id>}), to escalate it once
     * @param taskId            the engine task, when the item is one (a manager can then move it to someone else)
     * @param what              what is late, in plain words ("Triage enquiry", "MASH decision")
     * @param enquiryReference  the enquiry it is about, if any
     * @param childName         whom it is about, when the kind of work knows it without another lookup
     * @param owner             the username of the person who holds it, or null while it waits in a team's queue
     * @param team              the team that owns it: a work queue ({@code duty-managers}, {@code partner-3}),
     *                          {@code school-<id>} or {@code portal-<code>}, or null for work held by one person
     * @param teamName          the team as people call it
     * @param link              where a manager opens it
     */
    record Item(String key, String taskId, String what, String enquiryReference, String childName, String owner, String team,
            String teamName, Instant due, String link) {
    }
}
