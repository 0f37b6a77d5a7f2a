package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The case record stays append-only with one exception, the council's retention schedule: once an enquiry is
 * anonymised, its events' words may be replaced by the removal notice and their details may lose entries. When,
 * what kind, by whom and for whom never change, and nothing is ever deleted. Any other update is refused as before.
 */
public class V31__Case_events_may_be_anonymised extends BaseJavaMigration {

    /** The words that replace what was written, here and in {@code shared.PersonalData.REMOVED}. */
    static final String REMOVED = "Removed under the retention schedule";

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    create or replace function case_event_is_append_only() returns trigger language plpgsql as $$
                    begin
                        if tg_op = 'UPDATE'
                           and new.summary = '%s'
                           and new.details::jsonb <@ old.details::jsonb
                           and (new.id, new.occurred_at, new.enquiry_reference, new.kind, new.recorded_by,
                                new.recorded_by_name, new.audience, new.partner_organisation_id, new.link)
                               is not distinct from
                               (old.id, old.occurred_at, old.enquiry_reference, old.kind, old.recorded_by,
                                old.recorded_by_name, old.audience, old.partner_organisation_id, old.link)
                           and exists (select 1 from enquiry
                                       where reference = old.enquiry_reference and anonymised_at is not null) then
                            return new;
                        end if;
                        raise exception 'The case record is append-only: %% on case_event is refused', tg_op;
                    end $$""".formatted(REMOVED));
        }
    }
}
