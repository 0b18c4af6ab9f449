package io.github.rubric.cli;

import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.RubricDiff;
import io.github.rubric.test.RuleCoverage;
import io.github.rubric.test.ScenarioFolder;
import io.github.rubric.test.ScenarioResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The commands for rubric authors: {@code test} (scenarios and rule coverage) and {@code diff} (two versions). */
final class AuthoringCommands {
    private final PrintStream out;
    private final PrintStream err;

    AuthoringCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** {@code test <rubric> <scenario-folder> [--min-coverage <percent>]} */
    int test(List<String> args) {
        int minimum = 0;
        int at = args.indexOf("--min-coverage");
        if (at >= 0) {
            if (at + 1 >= args.size()) {
                return usage("--min-coverage takes a percentage, 0 to 100");
            }
            try {
                minimum = Integer.parseInt(args.get(at + 1));
            } catch (NumberFormatException e) {
                return usage("--min-coverage takes a whole percentage, 0 to 100, not '" + args.get(at + 1) + "'");
            }
            if (minimum < 0 || minimum > 100) {
                return usage("--min-coverage takes a percentage from 0 to 100, not " + minimum);
            }
            args.remove(at + 1);
            args.remove(at);
        }
        for (String arg : args) {
            if (arg.startsWith("--")) {
                return usage("unknown option '" + arg + "' for test");
            }
        }
        if (args.size() != 2) {
            return usage("test takes a rubric and a folder of scenario files");
        }
        Rubric rubric = Main.load(args.get(0));
        String folderName = args.get(1);
        ScenarioFolder folder;
        try {
            folder = folderName.startsWith("classpath:")
                    ? ScenarioFolder.onClasspath(folderName.substring("classpath:".length()))
                    : ScenarioFolder.of(Path.of(folderName));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.FAILED;
        }
        if (folder.files().isEmpty()) {
            err.println("error: no scenario files (*.yaml) in " + folder.name());
            return Main.FAILED;
        }
        RuleCoverage coverage = new RuleCoverage().register(rubric);
        List<ScenarioResult> results = folder.run(rubric, coverage);
        int failed = 0;
        for (ScenarioResult result : results) {
            out.println(result.summary());
            if (!result.passed()) {
                failed++;
                out.print(indent(result.report()));
            }
        }
        out.println();
        out.print(coverage.report());
        boolean covered = coverage.meets(minimum);
        if (!covered) {
            out.println("rule coverage is under the minimum of " + minimum + " %");
        }
        out.println((results.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 && covered ? Main.OK : Main.FAILED;
    }

    /** {@code diff <before> <after> <facts>...} */
    int diff(List<String> args) {
        for (String arg : args) {
            if (arg.startsWith("--")) {
                return usage("unknown option '" + arg + "' for diff");
            }
        }
        if (args.size() < 3) {
            return usage("diff takes two rubric files (before, after) and one or more facts files");
        }
        Rubric before = Main.load(args.get(0));
        Rubric after = Main.load(args.get(1));
        List<Path> facts = args.subList(2, args.size()).stream().map(Path::of).toList();
        out.print(RubricDiff.between(before, after).compare(facts).toText());
        return Main.OK;
    }

    private int usage(String problem) {
        return new Main(out, err).usage(problem);
    }

    private static String indent(String text) {
        return text.lines().map(line -> "    " + line).reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'),
                StringBuilder::append).toString();
    }
}
