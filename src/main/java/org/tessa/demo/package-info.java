/**
 * Schools, accounts and enquiries for the demo configuration.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"enquiry", "panel", "people", "shared", "tasklist"})
package org.tessa.demo;

import org.springframework.modulith.ApplicationModule;
