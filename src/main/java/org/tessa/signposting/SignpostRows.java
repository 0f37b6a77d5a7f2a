package org.tessa.signposting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reads a row of the signpost table. */
final class SignpostRows {

    private SignpostRows() {
    }

    static Signpost map(ResultSet rs, PortalRegistry portals) throws SQLException {
        String decision = rs.getString("decision");
        return new Signpost(rs.getString("enquiry_reference"), portals.get(rs.getString("portal_code")),
                PortalMode.valueOf(rs.getString("mode")), SignpostStatus.valueOf(rs.getString("status")),
                rs.getString("sharing_basis"), rs.getString("acknowledgement"),
                decision == null ? null : MashDecision.valueOf(decision), rs.getString("decision_reference"),
                rs.getObject("decision_due_at", OffsetDateTime.class), rs.getBoolean("decision_overdue"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("chase_note"));
    }
}
