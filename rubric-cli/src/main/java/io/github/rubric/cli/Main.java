package io.github.rubric.cli;

import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.EvaluationException;
import io.github.rubric.rules.FactsException;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.RubricException;
import io.github.rubric.rules.RubricLint;
import io.github.rubric.rules.Scorecards;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rubric} command: {@code score} a facts file against a rubric file, {@code lint} rubric files,
 * {@code test} a rubric against a folder of scenarios, {@code diff} two versions of a rubric.
 *
 * <p>Exit codes: 0 success; 1 a rubric, facts or scoring error (printed on standard error with file, line
 * and field), a failed scenario, rule coverage under the minimum, or a lint warning under {@code --strict};
 * 2 a usage error.
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
              lint [--strict] <rubric>...       load rubric files and report every error with its line, then
                                                warnings (exit 1 on warnings only with --strict)
              test <rubric> <scenarios>         run a folder of scenario files against a rubric; prints each
                   [--min-coverage <percent>]   result, the rule coverage and "N passed, M failed"; exit 1 on a
                                                failure or coverage under the minimum
              diff <before> <after> <facts>...  score facts files with two versions of a rubric and report what
                                                differs, per subject and item, with the reasons on each side
              help                              print this help

            A <rubric> is a file path, or classpath:<resource> for a bundled rubric.
            Exit codes: 0 success; 1 rubric/facts/scoring error, a failed scenario, coverage under the minimum,
            or (with --strict) a lint warning; 2 usage error.
            """;

    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param out where results go
     * @param err where errors go
     */
    public Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Main(out, err).run(args));
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

    private int score(List<String> args) {
        boolean json = args.remove("--json");
        boolean explain = args.remove("--explain");
        for (String arg : args) {
            if (arg.startsWith("--")) {
                return usage("unknown option '" + arg + "' for score");
            }
        }
        if (args.size() != 2) {
            return usage("score takes a rubric and a facts file");
        }
        if (json && explain) {
            return usage("--explain is for the table; it cannot be combined with --json");
        }
        Rubric rubric = load(args.get(0));
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

    static Rubric load(String name) {
        if (name.startsWith("classpath:")) {
            return Rubric.fromClasspath(name.substring("classpath:".length()));
        }
        return Rubric.fromFile(Path.of(name));
    }

    int usage(String problem) {
        err.println("error: " + problem);
        err.print(HELP);
        return USAGE;
    }
}
