package org.tessa.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * What a password must be, as the NCSC advises: long enough, and not one of the passwords people use most; no rules
 * about capitals, digits or symbols, which only make passwords harder to remember and no harder to guess.
 */
@Component
class PasswordRules {

    static final int SHORTEST = 12;
    /**
     * BCrypt, which keeps the passwords, reads at most 72 bytes of one and refuses to hash a longer one: 72 letters,
     * digits and spaces, fewer with accented letters or symbols, which take two to four bytes each in UTF-8.
     */
    static final int MOST_BYTES = 72;

    private final Set<String> common;

    PasswordRules(@Value("${tessa.passwords.blocklist}") Resource blocklist) {
        try {
            common = blocklist.getContentAsString(StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** What is wrong with the password, in words for the person choosing it; empty if nothing is. */
    Optional<String> problemWith(String password, String username) {
        if (password == null || password.length() < SHORTEST) {
            return Optional.of("Choose a password of at least " + SHORTEST + " characters: three random words work well");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MOST_BYTES) {
            return Optional.of("Choose a password of no more than " + MOST_BYTES + " characters (accented letters and "
                    + "symbols count as two or more)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(lower.replace(" ", ""))) {
            return Optional.of("That password is one of the most used, and easy to guess: choose another");
        }
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("Choose a password that does not contain your username");
        }
        return Optional.empty();
    }
}
