package org.tessa.people;

/** The sectors a Family Hub partnership brings together. */
public enum OrganisationType {
    PUBLIC("Public sector"),
    VOLUNTARY("Voluntary sector"),
    COMMUNITY("Community group"),
    FAITH("Faith organisation");

    private final String label;

    OrganisationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
