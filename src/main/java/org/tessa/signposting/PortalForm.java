package org.tessa.signposting;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.tessa.shared.FitsColumn;

/** An administrator's form for one portal's configuration. */
public class PortalForm {

    static final java.util.List<String> FIELDS = java.util.List.of("code", "name", "publicLink", "guidance", "mode",
            "endpoint", "endpointGivenForReferrals", "credentialVariable", "sharedData");

    @NotBlank(message = "Enter a code, like SEND_PORTAL")
    @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "The code is capital letters, digits and underscores, like SEND_PORTAL")
    private String code;
    @NotBlank(message = "Enter the name of the portal")
    @FitsColumn(table = "portal", column = "name", label = "The name")
    private String name;
    @NotBlank(message = "Enter the link schools use")
    @Pattern(regexp = "https?://\\S+", message = "Enter a web address starting with https://")
    @FitsColumn(table = "portal", column = "public_link", label = "The link")
    private String publicLink;
    @NotBlank(message = "Enter the guidance for schools")
    @FitsColumn(table = "portal", column = "guidance", label = "The guidance")
    private String guidance;
    @NotNull(message = "Choose how the portal is reached")
    private PortalMode mode;
    @Pattern(regexp = "https?://\\S+", message = "Enter the address of the endpoint, starting with https://")
    @FitsColumn(table = "portal", column = "endpoint", label = "The endpoint")
    private String endpoint;
    @Pattern(regexp = "[A-Z_][A-Z0-9_]*", message = "Enter the name of an environment variable, like MASH_API_TOKEN")
    @FitsColumn(table = "portal", column = "credential_variable", label = "The variable name")
    private String credentialVariable;
    @NotEmpty(message = "Choose what a referral shares with the portal")
    private Set<SharedData> sharedData = EnumSet.noneOf(SharedData.class);
    private boolean safeguarding;
    private boolean active = true;

    static PortalForm of(Portal portal) {
        var form = new PortalForm();
        form.code = portal.code();
        form.name = portal.name();
        form.publicLink = portal.publicLink();
        form.guidance = portal.guidance();
        form.mode = portal.mode();
        form.endpoint = portal.endpoint();
        form.credentialVariable = portal.credentialVariable();
        form.sharedData = portal.sharedData().isEmpty() ? EnumSet.noneOf(SharedData.class) : EnumSet.copyOf(portal.sharedData());
        form.safeguarding = portal.safeguarding();
        form.active = portal.active();
        return form;
    }

    Portal toPortal() {
        return new Portal(code, name.strip(), publicLink.strip(), guidance.strip(), mode, blankToNull(endpoint),
                blankToNull(credentialVariable), sharedData, safeguarding, active);
    }

    @AssertTrue(message = "Enter the endpoint TESSA sends referrals to")
    public boolean isEndpointGivenForReferrals() {
        return mode != PortalMode.REFERRAL || blankToNull(endpoint) != null;
    }

    /** Text as it will be kept, so that its checks (a limit, a pattern) judge what is stored, as on every form. */
    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code == null ? null : code.strip(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = stripped(name); }
    public String getPublicLink() { return publicLink; }
    public void setPublicLink(String publicLink) { this.publicLink = stripped(publicLink); }
    public String getGuidance() { return guidance; }
    public void setGuidance(String guidance) { this.guidance = stripped(guidance); }
    public PortalMode getMode() { return mode; }
    public void setMode(PortalMode mode) { this.mode = mode; }
    public String getEndpoint() { return endpoint; }
    public void setEndpoint(String endpoint) { this.endpoint = blankToNull(endpoint); }
    public String getCredentialVariable() { return credentialVariable; }
    public void setCredentialVariable(String credentialVariable) { this.credentialVariable = blankToNull(credentialVariable); }
    public Set<SharedData> getSharedData() { return sharedData; }
    public void setSharedData(Set<SharedData> sharedData) { this.sharedData = sharedData == null ? EnumSet.noneOf(SharedData.class) : sharedData; }
    public boolean isSafeguarding() { return safeguarding; }
    public void setSafeguarding(boolean safeguarding) { this.safeguarding = safeguarding; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
