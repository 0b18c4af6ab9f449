package io.github.rubric.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A rubric file split into its two parts: the YAML header inside the opening {@code /*--- … ---*}{@code /}
 * comment, and the whole text, which Drools compiles as DRL (the header is a comment to it, so its line
 * numbers stay those of the file).
 */
record RubricSource(String name, String text, String header, int headerOffset, String sha256) {
    static final String OPEN = "/*---";
    static final String CLOSE = "---*/";

    static RubricSource of(String name, String text) {
        String[] lines = text.split("\n", -1);
        int open = -1;
        int close = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (open < 0 && line.equals(OPEN)) {
                open = i;
            } else if (open >= 0 && line.equals(CLOSE)) {
                close = i;
                break;
            }
        }
        if (open < 0) {
            throw new RubricException(List.of(new RubricException.Problem(name, 1,
                    "no rubric header: the file must open with a '" + OPEN + "' line, the rubric's structure in YAML,"
                            + " and a '" + CLOSE + "' line")));
        }
        if (close < 0) {
            throw new RubricException(List.of(new RubricException.Problem(name, open + 1,
                    "the rubric header opened here is never closed: expected a line '" + CLOSE + "'")));
        }
        StringBuilder header = new StringBuilder();
        for (int i = open + 1; i < close; i++) {
            header.append(lines[i]).append('\n');
        }
        return new RubricSource(name, text, header.toString(), open + 1, sha256(text));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
