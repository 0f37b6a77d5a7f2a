/**
 * Benchmark data and the engine floor, for {@code bench/run.sh} only. Nothing here exists unless the
 * {@code bench} profile is active: every bean is {@code @Profile("bench")}.
 */
@ApplicationModule(displayName = "Benchmark data", allowedDependencies = {"enquiry", "people", "tasklist"})
package org.tessa.bench;

import org.springframework.modulith.ApplicationModule;
