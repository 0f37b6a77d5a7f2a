package org.tessa.people;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.shared.InvalidSubmissionException;

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

    /** Adds an organisation; its name must be new (a 400 or form error on "name" otherwise). */
    @Transactional
    public long add(String name, OrganisationType type, String locality, String contactName, String contactEmail) {
        requireNewName(name, null);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into partner_organisation (name, organisation_type, locality, contact_name, contact_email)
                    values (?, ?, ?, ?, ?)""")
                    .params(name, type.name(), locality, contactName, contactEmail).update(keys, "id");
        } catch (DuplicateKeyException sameNameMeanwhile) {
            throw nameTaken(name);
        }
        return keys.getKey().longValue();
    }

    @Transactional
    public void update(PartnerOrganisation organisation) {
        requireNewName(organisation.name(), organisation.id());
        try {
            jdbc.sql("""
                    update partner_organisation set name = ?, organisation_type = ?, locality = ?, contact_name = ?,
                        contact_email = ?, active = ? where id = ?""")
                    .params(organisation.name(), organisation.organisationType().name(), organisation.locality(),
                            organisation.contactName(), organisation.contactEmail(), organisation.active(), organisation.id())
                    .update();
        } catch (DuplicateKeyException sameNameMeanwhile) {
            throw nameTaken(organisation.name());
        }
    }

    /** Names are told apart regardless of case and spacing at the ends, as a person reading a list would. */
    private void requireNewName(String name, Long except) {
        boolean taken = jdbc.sql("select count(*) from partner_organisation where lower(trim(name)) = lower(trim(?)) and id <> ?")
                .params(name, except == null ? -1L : except).query(Long.class).single() > 0;
        if (taken) {
            throw nameTaken(name);
        }
    }

    private static InvalidSubmissionException nameTaken(String name) {
        return new InvalidSubmissionException("name", "There is already a partner organisation called " + name.strip()
                + "; give this one a different name, or edit that one");
    }
}
