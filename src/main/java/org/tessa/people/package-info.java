/**
 * Schools, partner organisations, staff accounts and sign-in.
 */
@ApplicationModule(displayName = "People", allowedDependencies = {"audit", "shared"})
package org.tessa.people;

import org.springframework.modulith.ApplicationModule;
