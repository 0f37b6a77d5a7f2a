/**
 * Who read or changed which child's record, when and why.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"shared"})
package org.tessa.audit;

import org.springframework.modulith.ApplicationModule;
