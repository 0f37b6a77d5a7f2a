package org.tessa.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What TESSA keeps of a secret it hands out (an API key, a link to set a password): its SHA-256, in hex. The
 * secrets are 256 random bits, so a fast hash is enough; nobody can guess one to match.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
