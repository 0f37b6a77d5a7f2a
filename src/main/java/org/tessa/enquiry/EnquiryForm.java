package org.tessa.enquiry;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The web form for a new enquiry, field by field as the page shows them. It only carries what was typed;
 * the rules are those of {@link NewEnquiry}, whose error paths {@link #FORM_FIELDS} maps back to these fields.
 */
public class EnquiryForm {

    static final Map<String, String> FORM_FIELDS = Map.ofEntries(
            Map.entry("child", "childFirstName"),
            Map.entry("child.firstName", "childFirstName"),
            Map.entry("child.lastName", "childLastName"),
            Map.entry("child.dateOfBirth", "dobDay"),
            Map.entry("child.upn", "childUpn"),
            Map.entry("child.yearGroup", "childYearGroup"),
            Map.entry("referrer", "referrerName"),
            Map.entry("referrer.name", "referrerName"),
            Map.entry("referrer.role", "referrerRole"),
            Map.entry("referrer.email", "referrerEmail"),
            Map.entry("referrer.phone", "referrerPhone"));

    /** The form's fields from top to bottom, so that errors are listed in the order people meet them. */
    static final List<String> FIELD_ORDER = List.of("schoolUrn", "childFirstName", "childLastName", "dobDay",
            "childUpn", "childYearGroup", "concerns", "summary", "immediateRisk", "consent", "referrerName",
            "referrerRole", "referrerEmail", "referrerPhone");

    private String schoolUrn;
    private String childFirstName;
    private String childLastName;
    private String dobDay;
    private String dobMonth;
    private String dobYear;
    private String childUpn;
    private String childYearGroup;
    private Set<Concern> concerns = EnumSet.noneOf(Concern.class);
    private String summary;
    private Boolean immediateRisk;
    private Consent consent;
    private String referrerName;
    private String referrerRole;
    private String referrerEmail;
    private String referrerPhone;

    static String formField(String enquiryPath) {
        String path = enquiryPath.replaceAll("\\[.*?]", "").replace(".<iterable element>", "");
        return FORM_FIELDS.getOrDefault(path, path);
    }

    NewEnquiry toNewEnquiry(Channel channel) {
        return new NewEnquiry(schoolUrn,
                new NewEnquiry.Child(childFirstName, childLastName, dateOfBirth(), childUpn, childYearGroup),
                concerns, summary, immediateRisk, consent,
                new NewEnquiry.Referrer(referrerName, referrerRole, referrerEmail, referrerPhone),
                channel);
    }

    boolean dateOfBirthEntered() {
        return !(blank(dobDay) && blank(dobMonth) && blank(dobYear));
    }

    /** The date of birth if the three boxes make a real date; empty boxes or an impossible date give null. */
    LocalDate dateOfBirth() {
        if (!dateOfBirthEntered()) {
            return null;
        }
        return org.tessa.shared.DateBoxes.parse(dobDay, dobMonth, dobYear).orElse(null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getSchoolUrn() { return schoolUrn; }
    public void setSchoolUrn(String schoolUrn) { this.schoolUrn = schoolUrn; }
    public String getChildFirstName() { return childFirstName; }
    public void setChildFirstName(String childFirstName) { this.childFirstName = childFirstName; }
    public String getChildLastName() { return childLastName; }
    public void setChildLastName(String childLastName) { this.childLastName = childLastName; }
    public String getDobDay() { return dobDay; }
    public void setDobDay(String dobDay) { this.dobDay = dobDay; }
    public String getDobMonth() { return dobMonth; }
    public void setDobMonth(String dobMonth) { this.dobMonth = dobMonth; }
    public String getDobYear() { return dobYear; }
    public void setDobYear(String dobYear) { this.dobYear = dobYear; }
    public String getChildUpn() { return childUpn; }
    public void setChildUpn(String childUpn) { this.childUpn = childUpn; }
    public String getChildYearGroup() { return childYearGroup; }
    public void setChildYearGroup(String childYearGroup) { this.childYearGroup = childYearGroup; }
    public Set<Concern> getConcerns() { return concerns; }
    public void setConcerns(Set<Concern> concerns) { this.concerns = concerns == null ? EnumSet.noneOf(Concern.class) : concerns; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public Boolean getImmediateRisk() { return immediateRisk; }
    public void setImmediateRisk(Boolean immediateRisk) { this.immediateRisk = immediateRisk; }
    public Consent getConsent() { return consent; }
    public void setConsent(Consent consent) { this.consent = consent; }
    public String getReferrerName() { return referrerName; }
    public void setReferrerName(String referrerName) { this.referrerName = referrerName; }
    public String getReferrerRole() { return referrerRole; }
    public void setReferrerRole(String referrerRole) { this.referrerRole = referrerRole; }
    public String getReferrerEmail() { return referrerEmail; }
    public void setReferrerEmail(String referrerEmail) { this.referrerEmail = referrerEmail; }
    public String getReferrerPhone() { return referrerPhone; }
    public void setReferrerPhone(String referrerPhone) { this.referrerPhone = referrerPhone; }
}
