package io.github.rubric.cli;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.CombinedScorecard;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.EvaluationException;
import io.github.rubric.rules.FactsException;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.RubricException;
import io.github.rubric.rules.RubricLint;
import io.github.rubric.rules.RubricLoader;
import io.github.rubric.rules.Scorecards;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The {@code rubric} command: {@code score} a facts file against a rubric file, {@code lint} rubric files,
 * {@code test} a rubric against a folder of scenarios, {@code diff} two versions of a rubric;
 * {@code batch}, {@code rank} and {@code report} score many subjects at once (see {@link BatchCommands}).
 *
 * <p>Exit codes: 0 success; 1 a rubric, facts or scoring error (printed on standard error with file, line
 * and field), any subject of a batch that could not be scored, a failed scenario, rule coverage under the
 * minimum, or a lint warning under {@code --strict}; 2 a usage error.
 */
public final class Main {
    /** Success. */
    public static final int OK = 0;
    /** A rubric file, facts file, rule or scenario failed. */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;

    private static final String HELP = """
            Usage: rubric <command> [options]

            Commands:
              score <rubric> <facts> [--json]   score a facts file (YAML, or .json) against a rubric file;
                    [--explain]                 prints the scorecard as a table, or as JSON with --json;
                                                --explain adds every criterion checked and the facts examined
              score <rubric> <facts> <facts>... [--json]
                                                score one subject's rounds (one facts file per round, e.g.
                                                自查 and 复查) and combine them as the rubric declares
              lint [--strict] <rubric>...       load rubric files and report every error with its line, then
                                                warnings (exit 1 on warnings only with --strict)
              test <rubric> <scenarios>         run a folder of scenario files against a rubric; prints each
                   [--min-coverage <percent>]   result, the rule coverage and "N passed, M failed"; exit 1 on a
                                                failure or coverage under the minimum
              diff <before> <after> <facts>...  score facts files with two versions of a rubric and report what
                                                differs, per subject and item, with the reasons on each side
              batch <rubric> <input>... [--threads N] [--jsonl]
                                                score many subjects in parallel; one line each in input
                                                order, or JSON lines streamed as they finish
              rank <rubric> <input>... [--threads N] [--json | --csv]
                                                score and rank: ranks with ties, pass/fail and grade
                                                counts, distribution of totals, average per item
              report <rubric> <input>... -o <file>... [--threads N]
                                                score, rank and write reports: .html (charts, score
                                                sheets), .xlsx (one sheet per subject), .json, .jsonl, .csv
              help                              print this help

            A <rubric> is a file path, or classpath:<resource> for a bundled rubric. An <input> is a facts
            file, a folder of them (*.yaml, *.yml, *.json), or a file whose only field, subjects, lists
            many subjects. Threads default to one per processor; results are in input order regardless.
            Exit codes: 0 success; 1 rubric/facts/scoring error, any subject not scored, a failed scenario,
            coverage under the minimum, or (with --strict) a lint warning; 2 usage error.
            The rubric launcher keeps the classes compiled for a rubric's rules in rubric-cli/target/class-cache,
            for the next run of the same rubric; RUBRIC_CLASS_CACHE=<dir> keeps them elsewhere, =off not at all.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    /**
     * @param out where results go
     * @param err where errors go
     */
    public Main(PrintStream out, PrintStream err) {
        this(out, err, false);
    }

    /**
     * @param out where results go
     * @param err where errors go
     * @param terminal whether a person watches: long runs then show their progress on {@code err}
     */
    public Main(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Main(out, err, System.console() != null).run(args));
    }

    /**
     * Runs one command.
     *
     * @param args the command line
     * @return the exit code
     */
    public int run(String... args) {
        if (args.length == 0) {
            err.print(HELP);
            return USAGE;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        try {
            return switch (args[0]) {
                case "score" -> score(rest);
                case "lint" -> lint(rest);
                case "batch", "rank", "report" -> batchCommand(args[0], rest);
                case "test" -> new AuthoringCommands(out, err).test(rest);
                case "diff" -> new AuthoringCommands(out, err).diff(rest);
                case "help", "--help", "-h" -> {
                    out.print(HELP);
                    yield OK;
                }
                default -> usage("unknown command '" + args[0] + "'");
            };
        } catch (RubricException | FactsException | EvaluationException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private int batchCommand(String command, List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(HELP);
            return OK;
        }
        BatchCommands commands = new BatchCommands(out, err, terminal, Main::load);
        try {
            return switch (command) {
                case "batch" -> commands.batch(args);
                case "rank" -> commands.rank(args);
                default -> commands.report(args);
            };
        } catch (BatchCommands.Usage e) {
            return usage(e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private int score(List<String> args) {
        boolean json = args.remove("--json");
        boolean explain = args.remove("--explain");
        for (String arg : args) {
            if (arg.startsWith("--")) {
                return usage("unknown option '" + arg + "' for score");
            }
        }
        if (args.size() < 2) {
            return usage("score takes a rubric and a facts file (or one facts file per round)");
        }
        if (json && explain) {
            return usage("--explain is for the table; it cannot be combined with --json");
        }
        Rubric rubric = load(args.get(0));
        if (args.size() > 2) {
            List<FactSet> rounds = args.subList(1, args.size()).stream().map(f -> rubric.readFacts(Path.of(f))).toList();
            CombinedScorecard combined = rubric.scoreRounds(rounds);
            out.print(json ? Scorecards.toJson(combined) : Scorecards.toText(combined));
            return OK;
        }
        if (explain) {
            out.print(Scorecards.toText(rubric.evaluate(rubric.readFacts(Path.of(args.get(1))))));
            return OK;
        }
        Scorecard card = rubric.score(Path.of(args.get(1)));
        out.print(json ? Scorecards.toJson(card) : Scorecards.toText(card));
        return OK;
    }

    private int lint(List<String> args) {
        boolean strict = args.remove("--strict");
        if (args.isEmpty()) {
            return usage("lint takes one or more rubric files");
        }
        int code = OK;
        for (String name : args) {
            try {
                Rubric rubric = load(name);
                List<RubricLint.Warning> warnings = RubricLint.check(rubric);
                out.println(name + ": ok (" + rubric.definition().id() + " " + rubric.definition().version() + ", "
                        + rubric.definition().items().count() + " items, " + rubric.ruleNames().size() + " rules"
                        + (warnings.isEmpty() ? "" : ", " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings"))
                        + ")");
                warnings.forEach(out::println);
                if (strict && !warnings.isEmpty()) {
                    code = FAILED;
                }
            } catch (RubricException e) {
                e.problems().forEach(p -> err.println(p));
                code = FAILED;
            }
        }
        return code;
    }

    /**
     * Loads a rubric as {@link Rubric#fromClasspath} or {@link Rubric#fromFile} do, keeping the classes compiled for
     * its rules in the directory named by the system property {@value #CLASS_CACHE}, when set (the {@code rubric}
     * launcher sets it; see {@link io.github.rubric.rules.RubricLoader#classCache}).
     */
    static Rubric load(String name) {
        RubricLoader loader = Rubric.loader();
        String cache = System.getProperty(CLASS_CACHE, "");
        if (!cache.isBlank()) {
            try {
                loader.classCache(Path.of(cache));
            } catch (InvalidPathException e) {
                LoggerFactory.getLogger(Main.class).warn("the class cache {} is off: it is not a path ({})", cache,
                        e.getMessage());
            }
        }
        if (name.startsWith("classpath:")) {
            return loader.fromClasspath(name.substring("classpath:".length()));
        }
        return loader.fromFile(Path.of(name));
    }

    /** The system property naming the directory of compiled rule classes. */
    static final String CLASS_CACHE = "rubric.classCache";

    int usage(String problem) {
        err.println("error: " + problem);
        err.print(HELP);
        return USAGE;
    }
}
