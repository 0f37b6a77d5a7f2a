/**
 * What happened to each enquiry, appended by the step that caused it and never changed, except that the
 * retention schedule may remove its words once the enquiry is anonymised.
 */
@ApplicationModule(displayName = "Case record", allowedDependencies = {"people", "shared"})
package org.tessa.caserecord;

import org.springframework.modulith.ApplicationModule;
