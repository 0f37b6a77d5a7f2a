package org.tessa;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a feature; features use each other's public services only, without cycles. */
class FeatureBoundariesTest {

    @Test
    void featuresKeepToTheirBoundaries() {
        ApplicationModules.of(TessaApplication.class).verify();
    }
}
