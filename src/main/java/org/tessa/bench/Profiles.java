package org.tessa.bench;

/** The one profile that switches the benchmark's beans on; no other configuration does. */
final class Profiles {

    static final String BENCH = "bench";

    private Profiles() {
    }
}
