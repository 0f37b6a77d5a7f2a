package org.tessa.bench;

import java.util.Arrays;

/** Latency percentiles in milliseconds and throughput per second of one measured batch of calls. */
record Latencies(int count, double throughputPerSecond, double p50, double p95, double p99, double max) {

    static Latencies of(long[] nanos, long wallNanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, sorted.length / (wallNanos / 1e9), percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile, the same definition bench/Driver.java uses for HTTP calls. */
    private static double percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }
}
