package org.tessa.people;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Family Hub partner organisations, kept by administrators. */
@Service
public class PartnerDirectory {

    private final JdbcClient jdbc;

    PartnerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PartnerOrganisation> all() {
        return jdbc.sql("select * from partner_organisation order by name").query(PartnerOrganisation.class).list();
    }

    public List<PartnerOrganisation> active() {
        return all().stream().filter(PartnerOrganisation::active).toList();
    }

    public Optional<PartnerOrganisation> find(long id) {
        return jdbc.sql("select * from partner_organisation where id = ?").param(id)
                .query(PartnerOrganisation.class).optional();
    }

    @Transactional
    public long add(String name, OrganisationType type, String locality, String contactName, String contactEmail) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into partner_organisation (name, organisation_type, locality, contact_name, contact_email)
                values (?, ?, ?, ?, ?)""")
                .params(name, type.name(), locality, contactName, contactEmail).update(keys, "id");
        return keys.getKey().longValue();
    }

    @Transactional
    public void update(PartnerOrganisation organisation) {
        jdbc.sql("""
                update partner_organisation set name = ?, organisation_type = ?, locality = ?, contact_name = ?,
                    contact_email = ?, active = ? where id = ?""")
                .params(organisation.name(), organisation.organisationType().name(), organisation.locality(),
                        organisation.contactName(), organisation.contactEmail(), organisation.active(), organisation.id())
                .update();
    }
}
