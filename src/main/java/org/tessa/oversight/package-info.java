/**
 * Incidents and the consistency of records and processes, for administrators.
 */
@ApplicationModule(displayName = "Oversight", allowedDependencies = {"enquiry", "shared"})
package org.tessa.oversight;

import org.springframework.modulith.ApplicationModule;
