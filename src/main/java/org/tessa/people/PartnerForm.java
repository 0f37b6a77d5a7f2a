package org.tessa.people;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.tessa.shared.FitsColumn;

/** An administrator's form for one partner organisation. */
public class PartnerForm {

    static final List<String> FIELDS = List.of("name", "organisationType", "locality", "contactName", "contactEmail");

    private Long id;
    @NotBlank(message = "Enter the name of the organisation")
    @FitsColumn(table = "partner_organisation", column = "name", label = "The name")
    private String name;
    @NotNull(message = "Choose the kind of organisation")
    private OrganisationType organisationType;
    @NotBlank(message = "Enter the locality it serves, for example Parr or the whole borough")
    @FitsColumn(table = "partner_organisation", column = "locality", label = "The locality")
    private String locality;
    @NotBlank(message = "Enter the name of the contact person")
    @FitsColumn(table = "partner_organisation", column = "contact_name", label = "The contact name")
    private String contactName;
    @NotBlank(message = "Enter the contact email address")
    @Email(message = "Enter an email address in the correct format, like name@example.org")
    @FitsColumn(table = "partner_organisation", column = "contact_email", label = "The email address")
    private String contactEmail;
    private boolean active = true;

    static PartnerForm of(PartnerOrganisation organisation) {
        var form = new PartnerForm();
        form.id = organisation.id();
        form.name = organisation.name();
        form.organisationType = organisation.organisationType();
        form.locality = organisation.locality();
        form.contactName = organisation.contactName();
        form.contactEmail = organisation.contactEmail();
        form.active = organisation.active();
        return form;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? null : name.strip(); }
    public OrganisationType getOrganisationType() { return organisationType; }
    public void setOrganisationType(OrganisationType organisationType) { this.organisationType = organisationType; }
    public String getLocality() { return locality; }
    public void setLocality(String locality) { this.locality = locality == null ? null : locality.strip(); }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName == null ? null : contactName.strip(); }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail == null ? null : contactEmail.strip(); }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
