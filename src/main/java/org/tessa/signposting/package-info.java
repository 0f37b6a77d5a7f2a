/**
 * Signposts to portals: guidance, referrals and the MASH decision.
 */
@ApplicationModule(displayName = "Signposting", allowedDependencies = {"caserecord", "enquiry", "people", "shared", "tasklist"})
package org.tessa.signposting;

import org.springframework.modulith.ApplicationModule;
