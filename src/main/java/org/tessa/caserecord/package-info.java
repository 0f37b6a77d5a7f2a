/**
 * What happened to each enquiry, appended by the step that caused it and never changed.
 */
@ApplicationModule(displayName = "Case record", allowedDependencies = {"people"})
package org.tessa.caserecord;

import org.springframework.modulith.ApplicationModule;
