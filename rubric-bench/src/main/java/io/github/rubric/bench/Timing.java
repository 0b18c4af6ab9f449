package io.github.rubric.bench;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Scorecard;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Timed loops over pre-generated subjects: per-subject time, throughput on several threads, allocation. */
final class Timing {
    /** A scorer under test: the engine or the hand-written scorer. */
    interface Scorer extends Function<FactSet, Scorecard> {
    }

    /** What one timed run found. */
    record Result(long evaluations, long nanos, int threads, long cpuNanos) {
        double microsPerSubject() {
            return nanos / 1000.0 / evaluations * threads;
        }

        /** @return the CPU time of the scoring threads per subject, which other load on the machine disturbs less */
        double cpuMicrosPerSubject() {
            return cpuNanos / 1000.0 / evaluations;
        }

        double subjectsPerSecond() {
            return evaluations * 1e9 / nanos;
        }
    }

    private static volatile long sink;

    private Timing() {
    }

    /**
     * Scores the subjects round robin on {@code threads} threads, first for {@code warmupMillis}, then for
     * {@code measureMillis}, and counts the evaluations of the second period.
     */
    static Result run(Scorer scorer, List<FactSet> subjects, int threads, long warmupMillis, long measureMillis) {
        loop(scorer, subjects, threads, warmupMillis);
        return loop(scorer, subjects, threads, measureMillis);
    }

    /**
     * Times two scorers on {@code threads} threads each in turn: both warmed for {@code warmupMillis}, then measured in
     * {@code slices} alternating slices that add up to {@code measureMillis} each. A shared machine's speed changes
     * from one second to the next; alternating gives both the same share of its slow and fast moments, so that their
     * ratio holds when the figures themselves move.
     *
     * @return the first scorer's result, then the second's
     */
    static Result[] alternate(Scorer first, Scorer second, List<FactSet> subjects, int threads, long warmupMillis,
                              long measureMillis, int slices) {
        loop(first, subjects, threads, warmupMillis);
        loop(second, subjects, threads, warmupMillis);
        long[] evaluations = new long[2];
        long[] nanos = new long[2];
        long[] cpu = new long[2];
        for (int slice = 0; slice < slices; slice++) {
            for (int k = 0; k < 2; k++) {
                // which goes first alternates too, so that neither always follows the other's garbage
                Scorer scorer = (k + slice) % 2 == 0 ? first : second;
                int at = scorer == first ? 0 : 1;
                Result r = loop(scorer, subjects, threads, measureMillis / slices);
                evaluations[at] += r.evaluations();
                nanos[at] += r.nanos();
                cpu[at] += r.cpuNanos();
            }
        }
        return new Result[] {new Result(evaluations[0], nanos[0], threads, cpu[0]),
            new Result(evaluations[1], nanos[1], threads, cpu[1])};
    }

    private static Result loop(Scorer scorer, List<FactSet> subjects, int threads, long millis) {
        AtomicLong evaluations = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int offset = t * subjects.size() / threads;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long deadline = System.nanoTime() + millis * 1_000_000;
                long done = 0;
                long hash = 0;
                int i = offset;
                while (true) {
                    for (int k = 0; k < 16; k++) {
                        hash += scorer.apply(subjects.get(i)).total().hashCode();
                        i = i + 1 == subjects.size() ? 0 : i + 1;
                    }
                    done += 16;
                    if (System.nanoTime() >= deadline) {
                        break;
                    }
                }
                cpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0);
                evaluations.addAndGet(done);
                sink += hash;
            }, "bench-" + t);
            workers.add(worker);
            worker.start();
        }
        window[0] = System.nanoTime();
        start.countDown();
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        window[1] = System.nanoTime();
        return new Result(evaluations.get(), window[1] - window[0], threads, cpu.get());
    }

    /** @return the bytes this thread allocates per evaluation, averaged over {@code count} evaluations */
    static long allocatedPerEvaluation(Scorer scorer, List<FactSet> subjects, int count) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        long hash = 0;
        for (int i = 0; i < count; i++) {
            hash += scorer.apply(subjects.get(i % subjects.size())).total().hashCode();
        }
        long after = threads.getThreadAllocatedBytes(id);
        sink += hash;
        return (after - before) / count;
    }

    /** @return heap in use after the collector has run, as far as it can be forced */
    static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime rt = Runtime.getRuntime();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    /** @return the metaspace in use, for the classes a compiled rubric generates */
    static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
