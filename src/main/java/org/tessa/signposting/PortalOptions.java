package org.tessa.signposting;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tessa.tasklist.FormOptions;

/** The active portals as the triage form's signpost options ({@code "valuesKey": "portals"}). */
@Component
class PortalOptions implements FormOptions {

    private final PortalRegistry portals;

    PortalOptions(PortalRegistry portals) {
        this.portals = portals;
    }

    @Override
    public String key() {
        return "portals";
    }

    @Override
    public List<Option> options() {
        return portals.active().stream().map(portal -> new Option(portal.name(), portal.code())).toList();
    }
}
