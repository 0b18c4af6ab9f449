package io.github.rubric.rules;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A rubric file split into its two parts: the YAML header inside the opening {@code /*--- … ---*}{@code /}
 * comment, and the whole text, which Drools compiles as DRL (the header is a comment to it, so its line
 * numbers stay those of the file).
 *
 * <p>Its fingerprint ({@link #sha256}) is computed when asked for: loading a rubric asks on the thread that reads
 * the header, through {@link #kept}, not on the one that compiles the rules.
 */
record RubricSource(String name, String text, String header, int headerOffset) {
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
        return new RubricSource(name, text, header.toString(), open + 1);
    }

    /**
     * The file as a compiled rubric keeps it: compressed (a rubric keeps its file for the lint and other tools, not
     * for scoring; a large one is about 60 KB as text, header included, and a fifth of that compressed).
     */
    static final class Kept {
        private final String name;
        private final String sha256;
        private final byte[] compressed;

        private Kept(RubricSource source) {
            this.name = source.name();
            byte[] bytes = source.text().getBytes(StandardCharsets.UTF_8);
            this.sha256 = RubricSource.sha256(bytes);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try {
                deflater.setInput(bytes);
                deflater.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                while (!deflater.finished()) {
                    out.write(chunk, 0, deflater.deflate(chunk));
                }
                this.compressed = out.toByteArray();
            } finally {
                deflater.end();
            }
        }

        String name() {
            return name;
        }

        String sha256() {
            return sha256;
        }

        /** @return the file again, as it was read */
        RubricSource source() {
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(compressed);
                ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
                byte[] chunk = new byte[8192];
                while (!inflater.finished()) {
                    int n = inflater.inflate(chunk);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new IllegalStateException("the kept text of " + name + " is truncated");
                    }
                    out.write(chunk, 0, n);
                }
                return of(name, out.toString(StandardCharsets.UTF_8));
            } catch (DataFormatException e) {
                throw new IllegalStateException("the kept text of " + name + " is corrupt", e);
            } finally {
                inflater.end();
            }
        }
    }

    /** @return the file as a compiled rubric keeps it, with its fingerprint */
    Kept kept() {
        return new Kept(this);
    }

    /** @return the SHA-256 of the text in UTF-8, in hex: the rubric's fingerprint on its scorecards */
    String sha256() {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
