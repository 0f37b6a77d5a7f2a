/**
 * Figures for leaders and councillors, from the case record: the dashboard, {@code /api/figures} and the scrutiny
 * report all read one calculation, so their numbers agree.
 */
@ApplicationModule(displayName = "Figures",
        allowedDependencies = {"caserecord", "enquiry", "oversight", "people", "shared", "tasklist", "triage"})
package org.tessa.figures;

import org.springframework.modulith.ApplicationModule;
