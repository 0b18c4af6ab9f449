package io.github.rubric.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds a compiled rubric keeps to: how many rule firings and how much time one evaluation may take, and
 * how large a facts file (or a rubric file) may be.
 *
 * @param firingLimit the most rule firings of one evaluation
 * @param timeBudget the longest one evaluation may run
 * @param maxFileSize the largest facts or rubric file, in bytes
 */
record Limits(int firingLimit, Duration timeBudget, long maxFileSize) {
    /** Enough for any real rubric and facts file; a looping rule reaches it within seconds. */
    static final int DEFAULT_FIRING_LIMIT = 1_000_000;
    /** Real evaluations take milliseconds. */
    static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(10);
    /** A year of one organisation's facts is tens of kilobytes. */
    static final long DEFAULT_MAX_FILE_SIZE = 2L * 1024 * 1024;

    static final Limits DEFAULTS = new Limits(DEFAULT_FIRING_LIMIT, DEFAULT_TIME_BUDGET, DEFAULT_MAX_FILE_SIZE);

    Limits {
        Objects.requireNonNull(timeBudget, "timeBudget must not be null");
        if (firingLimit < 1) {
            throw new IllegalArgumentException("firing limit must be at least 1, was " + firingLimit);
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("time budget must be positive, was " + timeBudget);
        }
        if (maxFileSize < 1) {
            throw new IllegalArgumentException("maximum file size must be at least 1 byte, was " + maxFileSize);
        }
    }
}
