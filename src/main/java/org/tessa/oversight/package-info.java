/**
 * For managers: the drift list, escalation of what slips, workloads and moving work. For administrators:
 * incidents, and the consistency of records, processes and the work list.
 */
@ApplicationModule(displayName = "Oversight", allowedDependencies = {"audit", "caserecord", "enquiry", "people", "shared", "tasklist"})
package org.tessa.oversight;

import org.springframework.modulith.ApplicationModule;
