package io.github.rubric.report;

import io.github.rubric.rules.batch.BatchResult;
import io.github.rubric.rules.batch.Outcome;
import io.github.rubric.rules.batch.Ranking;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The reports of a batch: the door to this module.
 *
 * <pre>{@code
 * Report report = Report.of(Batch.of(rubric).score(Path.of("facts/2024")));
 * report.write(Path.of("results.html"));      // or .xlsx, .json, .jsonl, .csv
 * }</pre>
 *
 * <p>Subjects are ranked by {@link Ranking}. JSON, JSON lines, CSV and HTML are text in UTF-8. Every format is
 * the same byte for byte for the same inputs, whatever the number of threads that scored them. Instances are
 * immutable.
 */
public final class Report {
    /** The formats a report is written in, chosen by a file's extension. */
    public enum Format {
        /** One JSON document: rubric, summary, ranking, failures and every scorecard ({@code .json}). */
        JSON(".json"),
        /**
         * JSON lines ({@code .jsonl}): one line per subject in input order, {@code "type":"scorecard"} or
         * {@code "type":"failure"}, then one {@code "type":"ranking"} line with the summary and ranking.
         */
        JSON_LINES(".jsonl"),
        /** CSV ({@code .csv}): one row per ranked subject with every item's score, then the failures. */
        CSV(".csv"),
        /** An Excel workbook ({@code .xlsx}): ranking, statistics, one score sheet per subject. */
        XLSX(".xlsx"),
        /** A self-contained HTML page ({@code .html}): summary, charts, ranking, score sheets. */
        HTML(".html");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** @return the file name extension, with its dot */
        public String extension() {
            return extension;
        }

        /**
         * @param file a file name
         * @return the format its extension names
         * @throws IllegalArgumentException if the extension is none of the formats'
         */
        public static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format format : values()) {
                if (name.endsWith(format.extension)) {
                    return format;
                }
            }
            if (name.endsWith(".htm")) {
                return HTML;
            }
            throw new IllegalArgumentException("cannot tell the report format of " + file + ": expected a name ending in "
                    + Arrays.stream(values()).map(Format::extension).collect(Collectors.joining(", ")));
        }
    }

    private final BatchResult result;
    private final Ranking ranking;

    private Report(BatchResult result, Ranking ranking) {
        this.result = result;
        this.ranking = ranking;
    }

    /**
     * @param result a batch's result
     * @return its reports, with its subjects ranked
     */
    public static Report of(BatchResult result) {
        Objects.requireNonNull(result, "result must not be null");
        return new Report(result, Ranking.of(result));
    }

    /** @return the batch reported on */
    public BatchResult result() {
        return result;
    }

    /** @return the ranking the reports show */
    public Ranking ranking() {
        return ranking;
    }

    /** @return the report as one JSON document */
    public String json() {
        return JsonReport.document(result, ranking);
    }

    /** @return the report as JSON lines: one per subject in input order, then the ranking */
    public String jsonLines() {
        return JsonReport.lines(result, ranking);
    }

    /**
     * One line of the JSON lines report, for writing outcomes as a batch streams them
     * ({@link io.github.rubric.rules.batch.Batch#onEach}).
     *
     * @param outcome a subject's outcome
     * @return its line, ending in a newline
     */
    public static String jsonLine(Outcome outcome) {
        return JsonReport.line(Objects.requireNonNull(outcome, "outcome must not be null"));
    }

    /** @return the last line of the JSON lines report: summary and ranking, ending in a newline */
    public String jsonRankingLine() {
        return JsonReport.closingLine(result, ranking);
    }

    /** @return the report as CSV */
    public String csv() {
        return CsvReport.of(result, ranking);
    }

    /** @return the report as a self-contained HTML page */
    public String html() {
        return Html.of(result, ranking);
    }

    /**
     * Writes the Excel workbook.
     *
     * @param out where to write it; not closed
     * @throws UncheckedIOException if writing fails
     */
    public void xlsx(OutputStream out) {
        try {
            Xlsx.write(result, ranking, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook: " + e.getMessage(), e);
        }
    }

    /**
     * @param format a format
     * @return the report in that format, as bytes (UTF-8 for the text formats)
     */
    public byte[] bytes(Format format) {
        return switch (format) {
            case JSON -> json().getBytes(StandardCharsets.UTF_8);
            case JSON_LINES -> jsonLines().getBytes(StandardCharsets.UTF_8);
            case CSV -> csv().getBytes(StandardCharsets.UTF_8);
            case HTML -> html().getBytes(StandardCharsets.UTF_8);
            case XLSX -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                xlsx(out);
                yield out.toByteArray();
            }
        };
    }

    /**
     * Writes the report to a file in the format its extension names ({@link Format#of}), replacing it.
     *
     * @param file the file
     * @return the format written
     * @throws IllegalArgumentException if the extension names no format
     * @throws UncheckedIOException if the file cannot be written
     */
    public Format write(Path file) {
        Format format = Format.of(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes(format));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return format;
    }
}
