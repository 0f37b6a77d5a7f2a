/**
 * The council's retention schedule: closed enquiries are anonymised when it says so, keeping the figures.
 */
@ApplicationModule(displayName = "Retention", allowedDependencies = {"caserecord", "enquiry", "shared"})
package org.tessa.retention;

import org.springframework.modulith.ApplicationModule;
