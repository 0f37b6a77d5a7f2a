package org.tessa.signposting;

import java.util.Set;

/**
 * A service the duty managers signpost to, as an administrator configured it.
 *
 * @param credentialVariable the environment variable holding the portal's API token (never the token)
 * @param safeguarding       the MASH: a referral waits for its decision, due within one working day
 */
public record Portal(String code, String name, String publicLink, String guidance, PortalMode mode, String endpoint,
        String credentialVariable, Set<SharedData> sharedData, boolean safeguarding, boolean active) {
}
