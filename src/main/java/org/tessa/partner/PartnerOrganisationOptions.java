package org.tessa.partner;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tessa.people.PartnerDirectory;
import org.tessa.tasklist.FormOptions;

/** The active partner organisations, as form options ({@code "valuesKey": "partnerOrganisations"}). */
@Component
class PartnerOrganisationOptions implements FormOptions {

    private final PartnerDirectory partners;

    PartnerOrganisationOptions(PartnerDirectory partners) {
        this.partners = partners;
    }

    @Override
    public String key() {
        return "partnerOrganisations";
    }

    @Override
    public List<Option> options() {
        return partners.active().stream().map(partner -> new Option(partner.name(), String.valueOf(partner.id()))).toList();
    }
}
