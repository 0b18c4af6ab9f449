package io.github.rubric.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading input that may be hostile: never more than a limit of bytes (whatever the file system says the
 * size is, so a device or a pipe cannot stream forever), and UTF-8 that must be valid, with the place of the
 * first bad byte.
 */
final class Inputs {
    private Inputs() {
    }

    /** Input that breaks a limit or is not text; the caller turns it into its own exception. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        Refused(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        /** @return the 1-based line of the problem, or 0 for the whole input */
        int line() {
            return line;
        }
    }

    /**
     * Reads at most {@code limit} bytes of a file.
     *
     * @throws Refused if the file holds more than {@code limit} bytes
     * @throws IOException if it cannot be read
     */
    static byte[] read(Path file, long limit) throws IOException, Refused {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, limit);
        }
    }

    /**
     * Reads at most {@code limit} bytes of a stream.
     *
     * @throws Refused if the stream holds more than {@code limit} bytes
     */
    static byte[] read(InputStream in, long limit) throws IOException, Refused {
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        byte[] bytes = in.readNBytes(cap);
        if (bytes.length == cap && in.read() >= 0) {
            throw tooLarge(limit);
        }
        return bytes;
    }

    /**
     * @param text text given directly
     * @param limit the most bytes its UTF-8 form may take
     * @throws Refused if the text is larger
     */
    static void checkSize(String text, long limit) throws Refused {
        // A char takes at most three UTF-8 bytes (a surrogate pair, two chars, takes four).
        if ((long) text.length() * 3 <= limit) {
            return;
        }
        if (text.length() > limit || utf8Length(text) > limit) {
            throw tooLarge(limit);
        }
    }

    private static Refused tooLarge(long limit) {
        return new Refused(0, "is larger than the limit of " + limit + " bytes (see RubricLoader.maxFileSize)");
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Decodes UTF-8 strictly.
     *
     * @throws Refused naming the line and byte offset of the first malformed sequence
     */
    static String utf8(byte[] bytes) throws Refused {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new Refused(line, "is not valid UTF-8: malformed byte sequence at byte " + offset);
        }
        out.flip();
        return out.toString();
    }
}
