package io.github.rubric.bench;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.Scorecards;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark. For each benchmarked rubric ({@link BenchRubric#all()}, in that order, or the one named with
 * {@code --rubric}): generates subjects at 50, 200, 1,000 and 5,000 facts each, checks on every one that the
 * hand-written scorer gives the engine's scorecard, then measures: time per subject on one thread and throughput
 * on all cores, both against the hand-written scorer; allocation per evaluation; warm compile time; heap per
 * compiled rubric; cold compile in a fresh JVM; and a fresh command-line run to the first scorecard, on the
 * rubric's example facts. Each rubric's figures end with a line {@code RUBRIC <name> …}; the last line printed
 * is {@code SUMMARY …}, the worst of each figure across the rubrics (lowest throughput, highest ratio, compile
 * time, cold start and heap).
 *
 * <pre>
 * java -cp … io.github.rubric.bench.Bench [--rubric seed000] [--seed 0] [--quick] [--profile] [--no-cold] [--heap-only] [--scales 50,200] [--home DIR]
 * </pre>
 *
 * {@code --home} is the project's root, where the {@code ./rubric} launcher is; {@code --quick} shortens every
 * timed period (for trying changes, not for figures); {@code --profile} adds a sampling profile of the engine at
 * 200 facts; {@code --heap-only} checks the subjects at 200 facts and then measures only warm compile time and heap
 * per compiled rubric (no timing, no cold start), for trying changes to what a compiled rubric holds.
 */
public final class Bench {
    private static final Map<Integer, Integer> SUBJECTS = Map.of(50, 2000, 200, 2000, 1000, 400, 5000, 80);
    /** The slices each scorer's measured time is cut into, alternating with the other's (see Timing#alternate). */
    private static final int SLICES = 10;
    /** The figures of a run, in the order they are printed; for each, whether more is better. */
    private static final Map<String, Boolean> FIGURES = figures();
    private static final List<String> RUBRIC_FIGURES = List.of("orgs_per_s_1t", "orgs_per_s_all", "ratio_vs_plain_java",
            "compile_warm_ms", "heap_per_rubric_kb");

    private final List<BenchRubric> rubrics;
    private final long seed;
    private final boolean quick;
    private final boolean profile;
    private final boolean cold;
    private final boolean heapOnly;
    private final int[] scales;
    private final Path home;
    private final int cores = Runtime.getRuntime().availableProcessors();

    private Bench(List<BenchRubric> rubrics, long seed, boolean quick, boolean profile, boolean cold, boolean heapOnly,
                  int[] scales, Path home) {
        this.scales = scales;
        this.heapOnly = heapOnly;
        this.cold = cold;
        this.rubrics = rubrics;
        this.seed = seed;
        this.quick = quick;
        this.profile = profile;
        this.home = home;
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code [--rubric NAME] [--seed N] [--quick] [--profile] [--no-cold] [--heap-only] [--scales 50,200] [--home DIR]};
     *     without {@code --rubric}, every benchmarked rubric; or {@code --drools-floor} alone, for what Drools itself
     *     costs per rule and subject ({@link DroolsFloor})
     * @throws Exception if a fresh JVM cannot be started
     */
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.remove("--drools-floor")) {
            option(rest, "--home", null); // the script always gives it
            if (!rest.isEmpty()) {
                System.err.println("--drools-floor takes no other option; got " + rest);
                System.exit(2);
            }
            DroolsFloor.main(new String[0]);
            return;
        }
        String rubric = option(rest, "--rubric", null);
        long seed = Long.parseLong(option(rest, "--seed", "0"));
        Path home = Path.of(option(rest, "--home", System.getProperty("user.dir"))).toAbsolutePath();
        boolean quick = rest.remove("--quick");
        boolean profile = rest.remove("--profile");
        boolean heapOnly = rest.remove("--heap-only");
        boolean cold = !rest.remove("--no-cold") && !heapOnly;
        int[] scales = Arrays.stream(option(rest, "--scales", "50,200,1000,5000").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        if (!rest.isEmpty()) {
            System.err.println("unknown arguments " + rest
                    + "; usage: Bench [--rubric NAME] [--seed N] [--quick] [--profile] [--no-cold] [--heap-only] [--scales 50,200] [--home DIR]"
                    + " | Bench --drools-floor");
            System.exit(2);
        }
        List<BenchRubric> rubrics = rubric == null ? BenchRubric.all() : List.of(BenchRubric.named(rubric));
        new Bench(rubrics, seed, quick, profile, cold, heapOnly, heapOnly ? new int[] {200} : scales, home).run();
    }

    private static Map<String, Boolean> figures() {
        Map<String, Boolean> figures = new LinkedHashMap<>();
        figures.put("orgs_per_s_1t", true);
        figures.put("orgs_per_s_all", true);
        figures.put("ratio_vs_plain_java", false);
        figures.put("compile_warm_ms", false);
        figures.put("cold_first_scorecard_ms", false);
        figures.put("heap_per_rubric_kb", false);
        return figures;
    }

    private static String option(List<String> args, String name, String otherwise) {
        int i = args.indexOf(name);
        if (i < 0) {
            return otherwise;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return value;
    }

    private long warmup() {
        return quick ? 700 : 3000;
    }

    private long measure() {
        return quick ? 1300 : 5000;
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Map<String, Map<String, Double>> byRubric = new LinkedHashMap<>();
        for (BenchRubric bench : rubrics) {
            Map<String, Double> figures = run(bench);
            byRubric.put(bench.name(), figures);
            System.out.println();
            StringBuilder line = new StringBuilder("RUBRIC ").append(bench.name());
            for (String key : RUBRIC_FIGURES) {
                line.append(' ').append(key).append('=').append(format(key, figures.get(key)));
            }
            System.out.println(line);
            System.out.println();
        }

        System.out.printf(Locale.ROOT, "load average at the end: %s; the run took %.0f s%n", loadAverage(),
                (System.nanoTime() - started) / 1e9);
        StringBuilder line = new StringBuilder("SUMMARY");
        StringBuilder from = new StringBuilder("worst of " + String.join(", ", byRubric.keySet()) + ":");
        for (Map.Entry<String, Boolean> figure : FIGURES.entrySet()) {
            Double worst = null;
            String worstRubric = null;
            for (Map.Entry<String, Map<String, Double>> rubric : byRubric.entrySet()) {
                Double value = rubric.getValue().get(figure.getKey());
                if (value != null && (worst == null || (figure.getValue() ? value < worst : value > worst))) {
                    worst = value;
                    worstRubric = rubric.getKey();
                }
            }
            line.append(' ').append(figure.getKey()).append('=').append(format(figure.getKey(), worst));
            from.append(' ').append(figure.getKey()).append(" (").append(worstRubric == null ? "n/a" : worstRubric).append(')');
        }
        if (byRubric.size() > 1) {
            System.out.println(from);
        }
        System.out.println(line);
    }

    private static String format(String figure, Double value) {
        if (value == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, figure.equals("ratio_vs_plain_java") ? "%.2f" : "%.0f", value);
    }

    /** Benchmarks one rubric and prints its figures; returns those that go into the summary. */
    private Map<String, Double> run(BenchRubric bench) throws Exception {
        Map<String, Double> summary = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "rubric-bench: %s (%s), seed %d, %d cores, %s %s, load average %s%n", bench.name(),
                bench.resource(), seed, cores, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                loadAverage());
        Rubric rubric = Rubric.fromClasspath(bench.resource());
        SubjectGenerator generator = bench.generator(rubric, seed);
        PlainScorer plain = bench.plainScorer(rubric);
        Timing.Scorer engine = rubric::score;
        Timing.Scorer byHand = plain::score;

        Map<Integer, List<FactSet>> subjects = new LinkedHashMap<>();
        System.out.println();
        System.out.println("== subjects (generated, then checked: hand-written scorecard JSON == engine scorecard JSON)");
        for (int scale : scales) {
            int n = quick ? Math.max(20, SUBJECTS.get(scale) / 5) : SUBJECTS.get(scale);
            List<FactSet> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(generator.generate(i, scale));
            }
            subjects.put(scale, list);
            int equal = 0;
            double totals = 0;
            for (FactSet subject : list) {
                Scorecard card = rubric.score(subject);
                String a = Scorecards.toJson(card);
                String b = Scorecards.toJson(plain.score(subject));
                if (!a.equals(b)) {
                    throw new IllegalStateException("the hand-written scorer differs from the engine on " + subject.source()
                            + "\n--- engine\n" + a + "\n--- hand-written\n" + b);
                }
                totals += card.total().doubleValue();
                equal++;
            }
            System.out.printf(Locale.ROOT, "  %5d facts/subject: %5d subjects, all %d scorecards equal, mean total %.1f%n",
                    scale, n, equal, totals / n);
        }
        if (heapOnly) {
            compileAndHeap(bench, summary, subjects.get(200).get(0));
            return summary;
        }

        System.out.println();
        System.out.println("== time per subject, 1 thread (warm-up " + warmup() + " ms, then " + measure() + " ms each, in "
                + SLICES + " slices alternating with the other scorer's)");
        System.out.println("  facts   engine µs   plain µs   ratio   engine µs/fact   engine subjects/s   (CPU µs: engine  plain  ratio)");
        Map<Integer, Timing.Result> engineByScale = new LinkedHashMap<>();
        for (int scale : scales) {
            Timing.Result e;
            Timing.Result p;
            if (profile && scale == 200) {
                Profiler profiler = new Profiler();
                e = Timing.run(engine, subjects.get(scale), 1, warmup(), measure());
                profiler.close();
                System.out.println("  profile of the engine at 200 facts:");
                System.out.print(profiler.report());
                p = Timing.run(byHand, subjects.get(scale), 1, warmup(), measure());
            } else {
                Timing.Result[] both = Timing.alternate(engine, byHand, subjects.get(scale), 1, warmup(), measure(),
                        SLICES);
                e = both[0];
                p = both[1];
            }
            engineByScale.put(scale, e);
            System.out.printf(Locale.ROOT, "  %5d   %9.1f   %8.1f   %5.2f   %14.3f   %17.0f   %13.1f %6.1f %6.2f%n", scale,
                    e.microsPerSubject(), p.microsPerSubject(), e.microsPerSubject() / p.microsPerSubject(),
                    e.microsPerSubject() / scale, e.subjectsPerSecond(), e.cpuMicrosPerSubject(), p.cpuMicrosPerSubject(),
                    e.cpuMicrosPerSubject() / p.cpuMicrosPerSubject());
            if (scale == 200) {
                summary.put("orgs_per_s_1t", e.subjectsPerSecond());
                summary.put("ratio_vs_plain_java", e.microsPerSubject() / p.microsPerSubject());
            }
        }
        if (engineByScale.containsKey(50) && engineByScale.containsKey(5000)) {
            double small = engineByScale.get(50).microsPerSubject();
            double large = engineByScale.get(5000).microsPerSubject();
            System.out.printf(Locale.ROOT, "  growth: time ∝ facts^%.2f from 50 to 5,000 facts (1.00 is linear)%n",
                    Math.log(large / small) / Math.log(5000.0 / 50));
        }
        if (!subjects.containsKey(200)) {
            return summary;
        }

        System.out.println();
        System.out.println("== throughput at 200 facts, " + cores + " threads (in " + SLICES + " alternating slices)");
        Timing.Result[] both = Timing.alternate(engine, byHand, subjects.get(200), cores, warmup(), measure(), SLICES);
        Timing.Result e = both[0];
        Timing.Result p = both[1];
        System.out.printf(Locale.ROOT, "  engine %.0f subjects/s, hand-written %.0f subjects/s, ratio %.2f%n",
                e.subjectsPerSecond(), p.subjectsPerSecond(), p.subjectsPerSecond() / e.subjectsPerSecond());
        summary.put("orgs_per_s_all", e.subjectsPerSecond());

        System.out.println();
        System.out.println("== allocation per evaluation at 200 facts (bytes allocated by the scoring thread)");
        long engineBytes = Timing.allocatedPerEvaluation(engine, subjects.get(200), quick ? 2000 : 20000);
        long plainBytes = Timing.allocatedPerEvaluation(byHand, subjects.get(200), quick ? 2000 : 20000);
        System.out.printf(Locale.ROOT, "  engine %.1f KB, hand-written %.1f KB%n", engineBytes / 1024.0, plainBytes / 1024.0);

        compileAndHeap(bench, summary, subjects.get(200).get(0));

        if (cold) {
            coldStart(bench, summary);
        }
        System.out.println();
        System.out.println("load average after " + bench.name() + ": " + loadAverage());
        return summary;
    }

    /** Warm compile time, then the heap held by each of ten compiled rubrics, before and after one evaluation each. */
    private void compileAndHeap(BenchRubric bench, Map<String, Double> summary, FactSet subject) throws IOException {
        System.out.println();
        System.out.println("== compile (this JVM, warm)");
        String text = new String(Bench.class.getClassLoader().getResourceAsStream(bench.resource()).readAllBytes(),
                StandardCharsets.UTF_8);
        for (int i = 0; i < (quick ? 3 : 20); i++) {
            Rubric.fromString(bench.resource(), text);
        }
        int runs = quick ? 5 : 15;
        long[] compiles = timedCompiles(runs, () -> Rubric.fromString(bench.resource(), text));
        printCompiles("", compiles);
        summary.put("compile_warm_ms", compiles[compiles.length / 2] / 1e6);
        // the same, with the rules' classes taken from a class cache (RubricLoader.classCache): not in the summary
        Path cacheDirectory = Files.createTempDirectory("rubric-bench-class-cache");
        try {
            Rubric.loader().classCache(cacheDirectory).fromString(bench.resource(), text);
            printCompiles("with the rules' classes from a class cache: ", timedCompiles(runs,
                    () -> Rubric.loader().classCache(cacheDirectory).fromString(bench.resource(), text)));
        } finally {
            try (var files = Files.walk(cacheDirectory)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }

        System.out.println();
        System.out.println("== heap per compiled rubric (retained, after GC)");
        int keep = 10;
        List<Rubric> kept = new ArrayList<>();
        long heap0 = Timing.usedHeapAfterGc();
        long meta0 = Timing.metaspaceUsed();
        for (int i = 0; i < keep; i++) {
            // a text of its own, as each version of a rubric has: one String shared by all ten would count once
            kept.add(Rubric.fromString(bench.resource(), new String(text.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8)));
        }
        long heap1 = Timing.usedHeapAfterGc();
        long meta1 = Timing.metaspaceUsed();
        for (Rubric r : kept) {
            r.score(subject);
        }
        long heap2 = Timing.usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "  compiled: %.0f KB heap + %.0f KB metaspace each; after one evaluation each: %.0f KB heap%n",
                (heap1 - heap0) / 1024.0 / keep, (meta1 - meta0) / 1024.0 / keep, (heap2 - heap0) / 1024.0 / keep);
        summary.put("heap_per_rubric_kb", Math.max(heap1, heap2) - heap0 > 0
                ? (Math.max(heap1, heap2) - heap0) / 1024.0 / keep : 0.0);
        kept.clear();
    }

    private void coldStart(BenchRubric bench, Map<String, Double> summary) throws IOException, InterruptedException {
        System.out.println();
        Path facts = home.resolve(bench.exampleFacts());
        System.out.println("== cold start (fresh JVMs, " + home.relativize(facts) + ")");
        int runs = quick ? 2 : 5;
        List<String> launcherOptions = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:CICompilerCount=1",
                "-XX:NewRatio=1", "-XX:-UsePerfData");
        for (List<String> options : List.of(List.<String>of(), launcherOptions)) {
            List<Long> coldCompile = new ArrayList<>();
            List<Long> firstScore = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                List<String> command = new ArrayList<>(List.of(javaCommand()));
                command.addAll(options);
                command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", ColdStart.class.getName(), bench.resource(),
                        facts.toString()));
                String line = spawn(command);
                coldCompile.add(Long.parseLong(line.replaceAll(".*compile_ms=(\\d+).*", "$1")));
                firstScore.add(Long.parseLong(line.replaceAll(".*first_score_ms=(\\d+).*", "$1")));
            }
            System.out.printf(Locale.ROOT, "  fresh JVM%s: compile median %d ms %s, then first scorecard median %d ms %s%n",
                    options.isEmpty() ? " (default options)" : " " + String.join(" ", options), median(coldCompile),
                    coldCompile, median(firstScore), firstScore);
        }
        Path launcher = home.resolve("rubric");
        if (Files.isExecutable(launcher) && Files.exists(facts)) {
            // once unmeasured: the launcher makes its class-data-sharing archive on first use, and keeps the classes
            // compiled for the rubric's rules in its class cache (rubric-cli/target/class-cache)
            List<String> score = List.of(launcher.toString(), "score", "classpath:" + bench.resource(), facts.toString());
            spawn(score);
            List<Long> cli = new ArrayList<>();
            List<Long> uncached = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                spawn(score);
                cli.add((System.nanoTime() - t0) / 1_000_000);
                t0 = System.nanoTime();
                spawn(score, Map.of("RUBRIC_CLASS_CACHE", "off"));
                uncached.add((System.nanoTime() - t0) / 1_000_000);
            }
            System.out.printf(Locale.ROOT, "  ./rubric score, a rubric's first run (cold JVM to the first scorecard printed,"
                    + " RUBRIC_CLASS_CACHE=off): median %d ms of %s%n", median(uncached), uncached);
            System.out.printf(Locale.ROOT, "  ./rubric score, the same rubric again (its rules' classes from the class cache):"
                    + " median %d ms of %s%n", median(cli), cli);
            // the summary's figure is a rubric's first run: the class cache only helps the runs after it
            summary.put("cold_first_scorecard_ms", (double) median(uncached));
        } else {
            System.out.println("  no ./rubric launcher under " + home + "; pass --home <project root>");
        }
    }

    /** @return the times of that many compiles, in nanoseconds, sorted */
    private static long[] timedCompiles(int runs, Runnable compile) {
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            compile.run();
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return times;
    }

    private static void printCompiles(String what, long[] sorted) {
        System.out.printf(Locale.ROOT, "  %smedian %.1f ms, min %.1f ms, max %.1f ms over %d compiles%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String spawn(List<String> command) throws IOException, InterruptedException {
        return spawn(command, Map.of());
    }

    private static String spawn(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        int code = process.waitFor();
        if (code != 0) {
            throw new IllegalStateException(command + " exited with " + code + ":\n" + out);
        }
        String[] lines = out.toString().strip().split("\n");
        return lines[lines.length - 1];
    }
}
