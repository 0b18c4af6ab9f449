/**
 * The benchmark: generates realistic subjects for a bundled rubric, scores them with the rule engine and with a
 * hand-written Java scorer for the same rubric, checks that both give the same scorecards, and measures speed,
 * compile time, start-up and memory. Start at {@link io.github.rubric.bench.Bench}; each benchmarked rubric is a
 * {@link io.github.rubric.bench.BenchRubric}, one package per rubric.
 */
package io.github.rubric.bench;
