package org.tessa.signposting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The portals administrators have configured. Adding one needs no code: it appears in the triage form. */
@Service
public class PortalRegistry {

    private final JdbcClient jdbc;

    PortalRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Portal> all() {
        return jdbc.sql("select * from portal order by safeguarding desc, name").query((rs, row) -> map(rs)).list();
    }

    public List<Portal> active() {
        return all().stream().filter(Portal::active).toList();
    }

    public Optional<Portal> find(String code) {
        return jdbc.sql("select * from portal where code = ?").param(code).query((rs, row) -> map(rs)).optional();
    }

    public Portal get(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("No portal " + code));
    }

    /** The name to show for a portal's code, or the code itself if the portal has since been removed. */
    public String nameOf(String code) {
        return find(code).map(Portal::name).orElse(code);
    }

    @Transactional
    public void save(Portal portal) {
        String shared = portal.sharedData().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        int updated = jdbc.sql("""
                update portal set name = ?, public_link = ?, guidance = ?, mode = ?, endpoint = ?,
                    credential_variable = ?, shared_data = ?, safeguarding = ?, active = ? where code = ?""")
                .params(portal.name(), portal.publicLink(), portal.guidance(), portal.mode().name(), portal.endpoint(),
                        portal.credentialVariable(), shared, portal.safeguarding(), portal.active(), portal.code())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into portal (code, name, public_link, guidance, mode, endpoint, credential_variable,
                        shared_data, safeguarding, active) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(portal.code(), portal.name(), portal.publicLink(), portal.guidance(), portal.mode().name(),
                            portal.endpoint(), portal.credentialVariable(), shared, portal.safeguarding(), portal.active())
                    .update();
        }
    }

    private static Portal map(ResultSet rs) throws SQLException {
        Set<SharedData> shared = EnumSet.noneOf(SharedData.class);
        Arrays.stream(rs.getString("shared_data").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(item -> shared.add(SharedData.valueOf(item)));
        return new Portal(rs.getString("code"), rs.getString("name"), rs.getString("public_link"),
                rs.getString("guidance"), PortalMode.valueOf(rs.getString("mode")), rs.getString("endpoint"),
                rs.getString("credential_variable"), shared, rs.getBoolean("safeguarding"), rs.getBoolean("active"));
    }
}
