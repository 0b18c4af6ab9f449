package io.github.rubric.cli;

import java.io.PrintStream;

/**
 * A progress line on a terminal ({@code 评分 12/40}), redrawn in place on standard error; nothing when the output
 * is not a terminal. Lines printed through it clear the progress first, so results and progress do not mix.
 */
final class ProgressLine {
    private static final int BAR = 24;

    private final PrintStream err;
    private final boolean enabled;
    private String shown = "";

    ProgressLine(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    synchronized void update(int done, int total) {
        if (!enabled) {
            return;
        }
        int filled = total == 0 ? BAR : done * BAR / total;
        String line = "评分 [" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + done + "/" + total;
        clear();
        err.print(line);
        err.flush();
        shown = line;
    }

    synchronized void print(PrintStream stream, String text) {
        String redraw = shown;
        clear();
        stream.print(text);
        stream.flush();
        if (!redraw.isEmpty()) {
            err.print(redraw);
            err.flush();
            shown = redraw;
        }
    }

    synchronized void done() {
        clear();
    }

    private void clear() {
        if (!shown.isEmpty()) {
            err.print("\r" + " ".repeat(BatchCommands.width(shown)) + "\r");
            err.flush();
            shown = "";
        }
    }
}
