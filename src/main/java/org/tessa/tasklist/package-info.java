/**
 * People's work: listing, claiming and completing tasks, with each task's form.
 */
@ApplicationModule(displayName = "Task list", allowedDependencies = {"caserecord", "enquiry", "people", "shared"})
package org.tessa.tasklist;

import org.springframework.modulith.ApplicationModule;
