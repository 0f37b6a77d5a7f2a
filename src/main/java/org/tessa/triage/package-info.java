/**
 * The duty managers' triage of each enquiry.
 */
@ApplicationModule(displayName = "Triage", allowedDependencies = {"audit", "caserecord", "enquiry", "people", "shared", "signposting", "tasklist"})
package org.tessa.triage;

import org.springframework.modulith.ApplicationModule;
