package io.github.rubric.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A sampling profile of the benchmark's own threads, taken with the JDK Flight Recorder's execution samples
 * (every millisecond) and summarised as the methods most often on the stack (inclusive) and on top (self).
 */
final class Profiler implements AutoCloseable {
    private final Recording recording = new Recording();
    private String report = "";

    Profiler() {
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
        recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s");
        recording.start();
    }

    @Override
    public void close() {
        recording.stop();
        try {
            Path file = Files.createTempFile("rubric-bench", ".jfr");
            recording.dump(file);
            report = summarise(RecordingFile.readAllEvents(file));
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            recording.close();
        }
    }

    /** @return the summary, once closed */
    String report() {
        return report;
    }

    private static String summarise(List<RecordedEvent> events) {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Long> allocations = new HashMap<>();
        long allocated = 0;
        int samples = 0;
        for (RecordedEvent event : events) {
            if (event.getEventType().getName().equals("jdk.ObjectAllocationSample") && event.getStackTrace() != null) {
                String thread = event.getThread("eventThread") == null ? null : event.getThread("eventThread").getJavaName();
                if (thread != null && thread.startsWith("bench-")) {
                    long weight = event.getLong("weight");
                    allocated += weight;
                    List<RecordedFrame> frames = event.getStackTrace().getFrames();
                    String where = frames.stream().map(Profiler::name).filter(n -> n.startsWith("io.github.rubric")
                            || n.startsWith("org.drools") || n.startsWith("org.mvel2")).findFirst().orElse("?");
                    String type = event.getClass("objectClass").getName();
                    allocations.merge(where + " (" + type + ")", weight, Long::sum);
                }
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName();
            if (thread == null || !thread.startsWith("bench-")) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("  ").append(samples).append(" samples of the benchmark's threads\n");
        out.append("  inclusive (on the stack):\n");
        top(inclusive, samples, 30, out, n -> n.startsWith("io.github.rubric") || n.startsWith("org.drools")
                || n.startsWith("org.mvel2") || n.startsWith("com.fasterxml"));
        out.append("  self (on top of the stack):\n");
        top(self, samples, 20, out, n -> true);
        out.append("  allocation (sampled; first frame of the engine or the library, and the type):\n");
        long all = Math.max(1, allocated);
        allocations.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                .forEach(e -> out.append(String.format("    %5.1f%%  %s%n", 100.0 * e.getValue() / all, e.getKey())));
        return out.toString();
    }

    private static void top(Map<String, Integer> counts, int samples, int limit, StringBuilder out,
                            java.util.function.Predicate<String> keep) {
        counts.entrySet().stream().filter(e -> keep.test(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.append(String.format("    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey())));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
