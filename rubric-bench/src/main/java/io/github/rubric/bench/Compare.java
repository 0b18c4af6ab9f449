package io.github.rubric.bench;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.rules.Rubric;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares two builds of the engine in one JVM, for changes too small for two separate runs to tell apart (runs of
 * the benchmark differ by 10–15 % here): each build is loaded by a class loader of its own, generates the same
 * subjects, and the two score them on one thread in alternating slices of 1.5 s, after a warm-up. The result is the
 * median of the per-round ratios. The build loaded first tends to come out a few per cent faster, so
 * {@code rubric-bench/compare} runs it twice, once in each order.
 *
 * <p>A build is the class path of {@code rubric-bench} with some of its module jars replaced:
 * {@code rules=/tmp/old-rules.jar,model=/tmp/old-model.jar}; {@code .} is the class path as it is.
 */
public final class Compare {
    private static final long SLICE_MILLIS = 1_500;

    private Compare() {
    }

    /**
     * @param args {@code RUBRIC FACTS ROUNDS BUILD_A BUILD_B HOME}
     * @throws Exception if a build cannot be loaded or fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: Compare RUBRIC FACTS ROUNDS BUILD_A BUILD_B HOME"
                    + " (a build: '.' or module=jar,…, e.g. rules=/tmp/old-rules.jar)");
            System.exit(2);
        }
        String rubric = args[0];
        int facts = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        if (rounds < 1) {
            throw new IllegalArgumentException("ROUNDS must be at least 1, was " + rounds);
        }
        String[] builds = {args[3], args[4]};
        Path home = Path.of(args[5]);
        List<String> classPath = Arrays.asList(
                Files.readString(home.resolve("rubric-bench/target/classpath.txt")).trim().split(":"));
        ClassLoader[] loaders = new ClassLoader[2];
        Method[] run = new Method[2];
        for (int b = 0; b < 2; b++) {
            loaders[b] = loader(home, classPath, builds[b]);
            Class<?> worker = Class.forName(Worker.class.getName(), true, loaders[b]);
            run[b] = worker.getMethod("run", long.class);
            call(loaders[b], worker.getMethod("prepare", String.class, int.class), rubric, facts);
        }
        for (int b = 0; b < 2; b++) {
            for (int k = 0; k < 3; k++) {
                call(loaders[b], run[b], SLICE_MILLIS);
            }
        }
        double[][] micros = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int s = 0; s < 2; s++) {
                int b = r % 2 == 0 ? s : 1 - s;
                long[] done = (long[]) call(loaders[b], run[b], SLICE_MILLIS);
                micros[b][r] = done[1] / 1000.0 / done[0];
            }
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratios[r] = micros[1][r] / micros[0][r];
        }
        Arrays.sort(ratios);
        for (int b = 0; b < 2; b++) {
            double[] sorted = micros[b].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%s %s: median %.1f µs per subject, fastest round %.1f µs%n",
                    b == 0 ? "A" : "B", builds[b], median(sorted), sorted[0]);
        }
        System.out.printf(Locale.ROOT, "B/A %.3f (median of %d rounds; quartiles %.3f and %.3f)%n", median(ratios),
                rounds, ratios[rounds / 4], ratios[(3 * rounds) / 4]);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static ClassLoader loader(Path home, List<String> classPath, String build) throws MalformedURLException {
        Map<String, Path> replacements = new LinkedHashMap<>();
        for (String replacement : build.equals(".") ? new String[0] : build.split(",")) {
            String[] moduleAndJar = replacement.split("=", 2);
            if (moduleAndJar.length != 2 || !Files.isRegularFile(Path.of(moduleAndJar[1]))) {
                throw new IllegalArgumentException("a build is '.' or module=jar,… with jars that exist; got '"
                        + replacement + "'");
            }
            replacements.put("rubric-" + moduleAndJar[0] + "-", Path.of(moduleAndJar[1]));
        }
        List<URL> urls = new ArrayList<>();
        urls.add(home.resolve("rubric-bench/target/classes").toUri().toURL());
        Set<String> used = new HashSet<>();
        for (String entry : classPath) {
            Path use = Path.of(entry);
            for (Map.Entry<String, Path> replacement : replacements.entrySet()) {
                if (use.getFileName().toString().startsWith(replacement.getKey())) {
                    used.add(replacement.getKey());
                    use = replacement.getValue();
                    break;
                }
            }
            urls.add(use.toUri().toURL());
        }
        if (!used.containsAll(replacements.keySet())) {
            // a misspelt module would otherwise compare a build with itself and report no difference
            Set<String> unused = new LinkedHashSet<>(replacements.keySet());
            unused.removeAll(used);
            throw new IllegalArgumentException("build " + build + ": no jar on rubric-bench's class path starts with "
                    + unused + " (modules: rules, model, examples)");
        }
        return new URLClassLoader("build " + build, urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    /** Calls a worker method with its build's loader as the thread's context loader (Drools finds its parts so). */
    private static Object call(ClassLoader loader, Method method, Object... args) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** The side of the comparison that runs inside each build's class loader. */
    public static final class Worker {
        private static final int SUBJECTS = 2_000;
        private static Rubric rubric;
        private static final List<FactSet> SUBJECT_LIST = new ArrayList<>();

        private Worker() {
        }

        /**
         * Compiles the rubric and generates its subjects (seed 0), as the benchmark does.
         *
         * @param name the benchmarked rubric
         * @param facts facts per subject
         */
        public static void prepare(String name, int facts) {
            BenchRubric bench = BenchRubric.named(name);
            rubric = Rubric.fromClasspath(bench.resource());
            SubjectGenerator generator = bench.generator(rubric, 0);
            for (int i = 0; i < SUBJECTS; i++) {
                SUBJECT_LIST.add(generator.generate(i, facts));
            }
        }

        /**
         * Scores subjects round robin for about {@code millis}, as the benchmark times them ({@link Timing}).
         *
         * @param millis how long to score, in milliseconds
         * @return subjects scored and wall nanoseconds
         */
        public static long[] run(long millis) {
            Timing.Result result = Timing.run(rubric::score, SUBJECT_LIST, 1, 0, millis);
            return new long[] {result.evaluations(), result.nanos()};
        }
    }
}
