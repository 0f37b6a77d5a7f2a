/**
 * What every feature may use: the working-day calendar, mail, errors answered the GOV.UK and problem+json way.
 */
@ApplicationModule(displayName = "Shared", allowedDependencies = {})
package org.tessa.shared;

import org.springframework.modulith.ApplicationModule;
