/**
 * Incidents, and the consistency of records, processes and the work list, for administrators.
 */
@ApplicationModule(displayName = "Oversight", allowedDependencies = {"enquiry", "shared", "tasklist"})
package org.tessa.oversight;

import org.springframework.modulith.ApplicationModule;
