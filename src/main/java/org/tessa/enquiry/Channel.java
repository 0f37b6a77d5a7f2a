package org.tessa.enquiry;

/** How the enquiry reached TESSA. */
public enum Channel {
    WEB("Online form"),
    PHONE("Hotline call"),
    API("Another system");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
