/**
 * Plan actions in partner organisations' own queues.
 */
@ApplicationModule(displayName = "Family Hub partners", allowedDependencies = {"caserecord", "enquiry", "people", "plan", "shared", "tasklist"})
package org.tessa.partner;

import org.springframework.modulith.ApplicationModule;
