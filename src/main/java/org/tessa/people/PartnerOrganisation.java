package org.tessa.people;

/** An organisation of the Family Hub partnership. */
public record PartnerOrganisation(long id, String name, OrganisationType organisationType, String locality,
        String contactName, String contactEmail, boolean active) {

    /** The Camunda candidate group of this organisation's work queue. */
    public String queue() {
        return StaffMember.partnerQueue(id);
    }
}
