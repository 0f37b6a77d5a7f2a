package org.tessa.signposting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tessa.shared.OverdueWork;

/** Referrals whose portal (the MASH) owes a decision past its due date. */
@Component
class OverdueDecisions implements OverdueWork {

    private final JdbcClient jdbc;
    private final PortalRegistry portals;

    OverdueDecisions(JdbcClient jdbc, PortalRegistry portals) {
        this.jdbc = jdbc;
        this.portals = portals;
    }

    @Override
    public List<Item> overdueAt(Instant now) {
        return jdbc.sql("""
                select enquiry_reference, portal_code, decision_due_at from signpost
                where status = ? and decision_due_at < ? order by decision_due_at, enquiry_reference""")
                .params(SignpostStatus.AWAITING_DECISION.name(), now.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> {
                    String reference = rs.getString("enquiry_reference");
                    String code = rs.getString("portal_code");
                    return new Item("decision:" + reference + ":" + code, null, portals.nameOf(code) + " decision", reference,
                            null, null, "portal-" + code, portals.nameOf(code),
                            rs.getObject("decision_due_at", OffsetDateTime.class).toInstant(),
                            "/enquiries/" + reference + "/signposts");
                }).list();
    }
}
