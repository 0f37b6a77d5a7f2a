package org.tessa.panel;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tessa.people.Role;
import org.tessa.people.StaffDirectory;
import org.tessa.tasklist.FormOptions;

/** The people who can lead a plan, as the panel decision form's options ({@code "valuesKey": "leadProfessionals"}). */
@Component
class LeadProfessionalOptions implements FormOptions {

    private final StaffDirectory directory;

    LeadProfessionalOptions(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String key() {
        return "leadProfessionals";
    }

    @Override
    public List<Option> options() {
        return directory.withRole(Role.LEAD_PROFESSIONAL).stream()
                .map(person -> new Option(person.displayName(), person.getUsername())).toList();
    }
}
