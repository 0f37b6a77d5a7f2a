/**
 * Meetings, agendas, decisions and questions to schools.
 */
@ApplicationModule(displayName = "Ways Forward Panel", allowedDependencies = {"audit", "caserecord", "enquiry", "people", "plan", "shared", "signposting", "tasklist", "triage"})
package org.tessa.panel;

import org.springframework.modulith.ApplicationModule;
