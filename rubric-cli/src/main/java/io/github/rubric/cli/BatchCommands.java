package io.github.rubric.cli;

import io.github.rubric.model.Points;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.report.Report;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.batch.Batch;
import io.github.rubric.rules.batch.BatchResult;
import io.github.rubric.rules.batch.Outcome;
import io.github.rubric.rules.batch.Ranking;
import io.github.rubric.rules.batch.Standing;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The commands that score many subjects: {@code batch}, {@code rank} and {@code report}. Each takes a rubric and
 * any number of facts files, folders and many-subjects files, scores them in parallel, and exits with
 * {@link Main#FAILED} when any subject could not be scored, after reporting the others.
 */
final class BatchCommands {
    /** A usage error, with the message to print above the help. */
    static final class Usage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    /** The parsed command line of a batch command. */
    private record Options(String rubric, List<Path> inputs, Integer threads, List<String> flags, List<Path> outputs) {
    }

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Function<String, Rubric> loader;

    BatchCommands(PrintStream out, PrintStream err, boolean terminal, Function<String, Rubric> loader) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.loader = loader;
    }

    private static Options parse(String command, List<String> args, List<String> allowedFlags, boolean outputs) {
        String rubric = null;
        List<Path> inputs = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Integer threads = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--threads") || arg.startsWith("--threads=")) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : next(command, args, ++i, arg);
                try {
                    threads = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    threads = 0;
                }
                if (threads < 1) {
                    throw new Usage("--threads takes a whole number of at least 1, not '" + value + "'");
                }
            } else if (outputs && (arg.equals("--output") || arg.equals("-o") || arg.startsWith("--output="))) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : next(command, args, ++i, arg);
                Path file = Path.of(value);
                try {
                    Report.Format.of(file);
                } catch (IllegalArgumentException e) {
                    throw new Usage(e.getMessage());
                }
                files.add(file);
            } else if (arg.startsWith("-")) {
                if (!allowedFlags.contains(arg)) {
                    throw new Usage("unknown option '" + arg + "' for " + command);
                }
                flags.add(arg);
            } else if (rubric == null) {
                rubric = arg;
            } else {
                inputs.add(Path.of(arg));
            }
        }
        if (rubric == null || inputs.isEmpty()) {
            throw new Usage(command + " takes a rubric and one or more facts files or folders");
        }
        if (flags.size() > 1) {
            throw new Usage("choose one of " + String.join(", ", flags) + " for " + command);
        }
        if (outputs && files.isEmpty()) {
            throw new Usage(command + " needs --output <file> (.html, .xlsx, .json, .jsonl or .csv); it may be repeated");
        }
        return new Options(rubric, inputs, threads, flags, files);
    }

    private static String next(String command, List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new Usage(option + " of " + command + " needs a value");
        }
        return args.get(i);
    }

    /** {@code batch}: scores every subject and prints one line each, or streams JSON lines. */
    int batch(List<String> args) {
        Options options = parse("batch", args, List.of("--jsonl"), false);
        boolean jsonl = options.flags().contains("--jsonl");
        Rubric rubric = loader.apply(options.rubric());
        ProgressLine progress = new ProgressLine(err, terminal);
        Batch batch = batch(rubric, options, progress).onEach(outcome -> {
            if (jsonl) {
                progress.print(out, Report.jsonLine(outcome));
            } else if (outcome instanceof Outcome.Scored scored) {
                progress.print(out, line(scored.scorecard()) + "\n");
            }
            if (outcome instanceof Outcome.Failed failed) {
                progress.print(err, "error: " + failed.message() + "\n");
            }
        });
        BatchResult result = batch.score(options.inputs());
        progress.done();
        if (jsonl) {
            out.print(Report.of(result).jsonRankingLine());
        } else {
            out.println(tally(result));
        }
        return result.complete() ? Main.OK : Main.FAILED;
    }

    /** {@code rank}: scores every subject and prints the ranking and statistics, as a table, JSON or CSV. */
    int rank(List<String> args) {
        Options options = parse("rank", args, List.of("--json", "--csv"), false);
        Rubric rubric = loader.apply(options.rubric());
        ProgressLine progress = new ProgressLine(err, terminal);
        BatchResult result = batch(rubric, options, progress).score(options.inputs());
        progress.done();
        Report report = Report.of(result);
        if (options.flags().contains("--json")) {
            out.print(report.json());
        } else if (options.flags().contains("--csv")) {
            out.print(report.csv());
        } else {
            out.print(table(report.ranking()));
            out.println(tally(result));
        }
        result.failures().forEach(failed -> err.println("error: " + failed.message()));
        return result.complete() ? Main.OK : Main.FAILED;
    }

    /** {@code report}: scores every subject and writes the reports named by {@code --output}. */
    int report(List<String> args) {
        Options options = parse("report", args, List.of(), true);
        Rubric rubric = loader.apply(options.rubric());
        ProgressLine progress = new ProgressLine(err, terminal);
        BatchResult result = batch(rubric, options, progress).score(options.inputs());
        progress.done();
        Report report = Report.of(result);
        for (Path file : options.outputs()) {
            Report.Format format = report.write(file);
            out.println("wrote " + file + " (" + format.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ")");
        }
        out.println(tally(result));
        result.failures().forEach(failed -> err.println("error: " + failed.message()));
        return result.complete() ? Main.OK : Main.FAILED;
    }

    private static Batch batch(Rubric rubric, Options options, ProgressLine progress) {
        Batch batch = Batch.of(rubric).progress(progress::update);
        if (options.threads() != null) {
            batch.threads(options.threads());
        }
        return batch;
    }

    private static String line(Scorecard card) {
        return pad(Points.format(card.total()), 6) + pad(card.grade(), 8) + pad(verdict(card), 8)
                + pad(roundLabel(card.round()), 8) + card.subject().name() + "（" + card.subject().id()
                + "）  " + card.source();
    }

    private static String verdict(Scorecard card) {
        return card.passed() == null ? "" : card.passed() ? "合格" : "不合格";
    }

    private static String tally(BatchResult result) {
        int failed = result.failures().size();
        return "scored " + result.scored().size() + " of " + result.outcomes().size() + (result.outcomes().size() == 1
                ? " subject" : " subjects") + (failed == 0 ? "" : "; " + failed + " failed (see the errors above)");
    }

    private static String table(Ranking ranking) {
        StringBuilder text = new StringBuilder();
        text.append(ranking.rubric().title()).append(" 排名\n\n");
        text.append(pad("排名", 6)).append(pad("考核对象", 20)).append(pad("轮次", 8)).append(pad("自查", 8))
                .append(pad("总分", 8)).append(pad("等次", 8)).append("结论\n");
        for (Standing standing : ranking.standings()) {
            Scorecard card = standing.scorecard();
            String self = card.round().equals(Round.SELF.name()) ? ""
                    : standing.round(Round.SELF).map(s -> Points.format(s.total())).orElse("");
            text.append(pad(String.valueOf(standing.rank()), 6)).append(pad(card.subject().name(), 20))
                    .append(pad(roundLabel(card.round()), 8)).append(pad(self, 8))
                    .append(pad(Points.format(card.total()), 8)).append(pad(card.grade(), 8)).append(verdict(card))
                    .append('\n');
        }
        text.append('\n');
        text.append("参评 ").append(ranking.standings().size());
        ranking.passLine().ifPresent(line -> text.append("，合格 ").append(ranking.passedCount()).append("，不合格 ")
                .append(ranking.failedCount()).append("（合格线 ").append(Points.format(line)).append("）"));
        ranking.averageTotal().ifPresent(average -> text.append("，平均分 ").append(Points.format(average)));
        text.append('\n');
        if (!ranking.grades().isEmpty()) {
            text.append("等次：");
            ranking.grades().forEach(g -> text.append(g.name()).append(' ').append(g.count()).append("  "));
            text.setLength(text.length() - 2);
            text.append('\n');
        }
        text.append("\n分数段\n");
        for (Ranking.Bin bin : ranking.distribution()) {
            text.append(pad(bin.label(), 10)).append(pad(String.valueOf(bin.count()), 4)).append("#".repeat(bin.count()))
                    .append('\n');
        }
        if (ranking.sectionAverages().size() > 1) {
            text.append("\n栏目平均得分\n");
            ranking.sectionAverages().forEach(a -> text.append(pad(a.title(), 24)).append(Points.format(a.average()))
                    .append(" / ").append(Points.format(a.maxPoints())).append('\n'));
        }
        if (!ranking.itemAverages().isEmpty()) {
            text.append("\n项目平均得分\n");
            ranking.itemAverages().forEach(a -> text.append(pad(a.id() + " " + a.title(), 24))
                    .append(Points.format(a.average())).append(" / ").append(Points.format(a.maxPoints())).append('\n'));
        }
        return text.append('\n').toString();
    }

    /** Pads to a display width, counting CJK characters as two columns. */
    static String pad(String text, int width) {
        int w = width(text);
        return w >= width ? text + " " : text + " ".repeat(width - w);
    }

    /** @return the columns the text takes on a terminal, CJK and full-width characters taking two */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += Character.isIdeographic(cp) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static String roundLabel(String round) {
        for (Round r : Round.values()) {
            if (r.name().equals(round)) {
                return r.label();
            }
        }
        return round;
    }
}
