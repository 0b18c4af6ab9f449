package io.github.rubric.rules.batch;

import io.github.rubric.rules.Rubric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts files for the batch test rubric, whose total is 100 − 2.5 per missing 党员大会 − 1 per missing 支委会 − 10 per complaint. */
final class Branches {
    static final String RUBRIC = "io/github/rubric/rules/batch/branch-test.drl";

    private static Rubric rubric;

    private Branches() {
    }

    /** @return the test rubric's text, for tests that write it to a folder */
    static String rubricText() {
        try (var in = Branches.class.getClassLoader().getResourceAsStream(RUBRIC)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Rubric rubric() {
        if (rubric == null) {
            rubric = Rubric.fromClasspath(RUBRIC);
        }
        return rubric;
    }

    /** A branch's facts file in YAML, two spaces per level, so that it can be indented into a subjects list. */
    static String yaml(String id, String name, int general, int committee, int complaints, String round) {
        StringBuilder text = new StringBuilder();
        text.append("subject: { kind: organization, id: ").append(id).append(", name: ").append(name)
                .append(", type: PARTY_BRANCH }\n");
        text.append("period: 2024\n");
        text.append("round: ").append(round).append('\n');
        if (general + committee > 0) {
            text.append("meetings:\n");
        }
        for (int i = 0; i < general; i++) {
            text.append("  - { type: GENERAL_MEETING, date: 2024-0").append(i + 1).append("-10 }\n");
        }
        for (int i = 0; i < committee; i++) {
            text.append("  - { type: COMMITTEE_MEETING, date: 2024-0").append(i + 1).append("-20 }\n");
        }
        if (complaints > 0) {
            text.append("complaints:\n");
            for (int i = 0; i < complaints; i++) {
                text.append("  - { date: 2024-0").append(i + 1).append("-05, summary: 办事推诿, verified: true }\n");
            }
        }
        return text.toString();
    }

    /** The same branch as {@link #yaml} in JSON, one fact per line. */
    static String json(String id, String name, int general, int committee, int complaints, String round) {
        StringBuilder text = new StringBuilder();
        text.append("{\n  \"subject\": { \"kind\": \"organization\", \"id\": \"").append(id).append("\", \"name\": \"")
                .append(name).append("\", \"type\": \"PARTY_BRANCH\" },\n");
        text.append("  \"period\": 2024,\n  \"round\": \"").append(round).append("\",\n  \"meetings\": [\n");
        String sep = "";
        for (int i = 0; i < general; i++) {
            text.append(sep).append("    { \"type\": \"GENERAL_MEETING\", \"date\": \"2024-0").append(i + 1).append("-10\" }");
            sep = ",\n";
        }
        for (int i = 0; i < committee; i++) {
            text.append(sep).append("    { \"type\": \"COMMITTEE_MEETING\", \"date\": \"2024-0").append(i + 1).append("-20\" }");
            sep = ",\n";
        }
        text.append("\n  ],\n  \"complaints\": [\n");
        sep = "";
        for (int i = 0; i < complaints; i++) {
            text.append(sep).append("    { \"date\": \"2024-0").append(i + 1)
                    .append("-05\", \"summary\": \"办事推诿\", \"verified\": true }");
            sep = ",\n";
        }
        text.append("\n  ]\n}\n");
        return text.toString();
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the 1-based line of the first line of text containing needle */
    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + needle);
    }
}
