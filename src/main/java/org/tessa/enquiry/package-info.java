/**
 * Enquiries, their status derived from the case record, the chronology, and the school's side of an open enquiry.
 */
@ApplicationModule(displayName = "Enquiry", allowedDependencies = {"audit", "caserecord", "people", "shared"})
package org.tessa.enquiry;

import org.springframework.modulith.ApplicationModule;
