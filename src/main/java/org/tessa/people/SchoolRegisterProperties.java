package org.tessa.people;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param localAuthorityCodes  the council's local-authority codes in GIAS (three digits, e.g. 342): the schools an
 *                             import keeps; a council serving several areas lists each
 * @param giasEncoding         the character set of the GIAS extract (Windows-1252, as the Department publishes it)
 * @param giasFile             where the council's own download of the extract is put, if it is; administrators
 *                             then import it with one button instead of uploading it
 */
@ConfigurationProperties("tessa.schools")
public record SchoolRegisterProperties(List<String> localAuthorityCodes, String giasEncoding, java.nio.file.Path giasFile) {

    public SchoolRegisterProperties {
        localAuthorityCodes = localAuthorityCodes == null ? List.of() : List.copyOf(localAuthorityCodes);
        giasEncoding = giasEncoding == null ? "windows-1252" : giasEncoding;
    }
}
