package org.tessa.enquiry;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import org.tessa.shared.FitsColumn;

/**
 * A school's worry about a child, as it arrives from the web form, a hotline call or the API.
 * These rules are the only statement of what a valid enquiry is.
 *
 * @param schoolUrn     the school's URN; required when a duty manager logs a call, implied for school staff
 * @param channel       how it arrived; when absent, taken from who sent it and how
 */
public record NewEnquiry(
        @Pattern(regexp = "\\d{6,8}", message = "Enter the school's URN, 6 to 8 digits") String schoolUrn,
        @NotNull(message = "Enter the child's details") @Valid Child child,
        @NotEmpty(message = "Select at least one concern") Set<@NotNull Concern> concerns,
        @NotBlank(message = "Describe what you are worried about")
        @FitsColumn(table = "enquiry", column = "summary", label = "Summary") String summary,
        @NotNull(message = "Select yes if the child may be at immediate risk of harm") Boolean immediateRisk,
        @NotNull(message = "Select whether a parent or carer agreed to share information") Consent consent,
        @NotNull(message = "Enter your details as the referrer") @Valid Referrer referrer,
        Channel channel) {

    public record Child(
            @NotBlank(message = "Enter the child's first name")
            @FitsColumn(table = "enquiry", column = "child_first_name", label = "First name") String firstName,
            @NotBlank(message = "Enter the child's last name")
            @FitsColumn(table = "enquiry", column = "child_last_name", label = "Last name") String lastName,
            @NotNull(message = "Enter the child's date of birth")
            @Past(message = "Date of birth must be in the past") LocalDate dateOfBirth,
            @Pattern(regexp = "[A-Za-z]\\d{11}[0-9A-Za-z]",
                    message = "Enter a UPN of 13 characters: a letter, 11 digits, then a digit or letter") String upn,
            @FitsColumn(table = "enquiry", column = "child_year_group", label = "Year group") String yearGroup) {
    }

    public record Referrer(
            @NotBlank(message = "Enter your name")
            @FitsColumn(table = "enquiry", column = "referrer_name", label = "Name") String name,
            @NotBlank(message = "Enter your role, for example designated safeguarding lead (DSL)")
            @FitsColumn(table = "enquiry", column = "referrer_role", label = "Role") String role,
            @NotBlank(message = "Enter your email address")
            @Email(message = "Enter an email address in the correct format, like name@example.org")
            @FitsColumn(table = "enquiry", column = "referrer_email", label = "Email address") String email,
            @Pattern(regexp = "[0-9 +()-]{6,30}", message = "Enter a telephone number, like 01744 676789") String phone) {
    }
}
