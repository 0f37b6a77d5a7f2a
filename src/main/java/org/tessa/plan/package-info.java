/**
 * Bespoke plans: written, confirmed, reviewed, superseded or ended, never deleted.
 */
@ApplicationModule(displayName = "Plans", allowedDependencies = {"audit", "caserecord", "enquiry", "people", "shared", "tasklist"})
package org.tessa.plan;

import org.springframework.modulith.ApplicationModule;
