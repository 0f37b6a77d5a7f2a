package org.tessa.caserecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code case_event} table: rows are inserted and read, never deleted, and updated only to anonymise them
 * under the retention schedule (the one update the database's trigger allows, V31).
 */
@Repository
class CaseEventRepository {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CaseEventRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(NewCaseEvent event, OffsetDateTime at, String byName) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_event (occurred_at, enquiry_reference, kind, summary, recorded_by, recorded_by_name,
                    audience, partner_organisation_id, details, link)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(at, event.enquiryReference, event.kind.name(), event.summary, event.by, byName,
                        event.audienceInOrder().stream().map(Enum::name).collect(Collectors.joining(",")),
                        event.partnerOrganisationId, write(event.details), event.link)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Replaces the words of an anonymised enquiry's events, and drops the reasons people gave, from their details. */
    void anonymise(String enquiryReference, String removed) {
        jdbc.sql("select id, details from case_event where enquiry_reference = ?").param(enquiryReference)
                .query((rs, row) -> {
                    Map<String, String> details = new java.util.LinkedHashMap<>(read(rs.getString("details")));
                    details.remove(Detail.REASON);
                    return Map.entry(rs.getLong("id"), write(details));
                })
                .list()
                .forEach(event -> jdbc.sql("update case_event set summary = ?, details = ? where id = ?")
                        .params(removed, event.getValue(), event.getKey()).update());
    }

    List<CaseEvent> about(Collection<String> enquiryReferences) {
        if (enquiryReferences.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from case_event where enquiry_reference in (:references) order by occurred_at, id")
                .param("references", enquiryReferences)
                .query((rs, row) -> map(rs)).list();
    }

    List<CaseEvent> recent(CaseEventKind kind, OffsetDateTime since) {
        return jdbc.sql("select * from case_event where kind = ? and occurred_at >= ? order by occurred_at, id")
                .params(kind.name(), since).query((rs, row) -> map(rs)).list();
    }

    private CaseEvent map(ResultSet rs) throws SQLException {
        Set<Audience> audience = EnumSet.noneOf(Audience.class);
        Arrays.stream(rs.getString("audience").split(",")).map(Audience::valueOf).forEach(audience::add);
        return new CaseEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("enquiry_reference"), CaseEventKind.valueOf(rs.getString("kind")), rs.getString("summary"),
                rs.getString("recorded_by"), rs.getString("recorded_by_name"), audience,
                rs.getObject("partner_organisation_id", Long.class), read(rs.getString("details")), rs.getString("link"));
    }

    private String write(Map<String, String> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException notExpectedForStrings) {
            throw new IllegalStateException(notExpectedForStrings);
        }
    }

    private Map<String, String> read(String details) {
        try {
            return details == null ? Map.of() : json.readValue(details, DETAILS);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("Unreadable details on a case event", corrupt);
        }
    }
}
