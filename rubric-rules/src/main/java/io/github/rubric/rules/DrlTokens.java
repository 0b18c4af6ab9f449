package io.github.rubric.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits DRL text, and the Java and MVEL code inside it, into tokens the way Java does: comments dropped,
 * string literals kept whole, names with their line. Safe mode reads names from these tokens rather than
 * from the raw text, so whitespace or comments inside a qualified name ({@code java . lang . System}) do not
 * hide it.
 *
 * <p>Where Java could read the text differently from this lexer, the difference is reported as an anomaly
 * and safe mode refuses the file: Unicode escapes ({@code \u0053ystem}; Java decodes them everywhere, even in
 * comments, where {@code \u000a} ends a line comment), text blocks, and invisible characters that Java drops
 * from names.
 */
final class DrlTokens {
    enum Kind { NAME, NUMBER, STRING, SYMBOL }

    /** A token: its kind, its text (a string literal without its quotes), its 1-based line. */
    record Token(Kind kind, String text, int line) {
        boolean is(String symbolOrName) {
            return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(symbolOrName);
        }
    }

    /** Something in the text that Java might read differently from this lexer. */
    record Anomaly(int line, String message) {
    }

    private static final String[] OPERATORS = {
        ">>>=", "<<=", ">>=", "...", "->", "::", "++", "--", "&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "*=",
        "/=", "&=", "|=", "^=", "%=", ":=",
    };

    private final List<Token> tokens = new ArrayList<>();
    private final List<Anomaly> anomalies = new ArrayList<>();

    private DrlTokens() {
    }

    List<Token> tokens() {
        return tokens;
    }

    List<Anomaly> anomalies() {
        return anomalies;
    }

    /**
     * @param text DRL text, or a piece of it
     * @param firstLine the line of the text's first character in its file
     */
    static DrlTokens of(String text, int firstLine) {
        DrlTokens result = new DrlTokens();
        result.lex(text, firstLine);
        return result;
    }

    private void lex(String text, int firstLine) {
        int line = firstLine;
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            } else if (text.charAt(i) == '\\' && text.charAt(i + 1) == 'u') {
                anomalies.add(new Anomaly(line, "Unicode escapes (\\u…) are not allowed; write the character itself"
                        + " (Java decodes them before anything else, even inside comments and strings)"));
            }
        }
        line = firstLine;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                for (int k = i; k < stop; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                    }
                }
                i = stop;
            } else if (c == '"' || c == '\'') {
                if (c == '"' && text.startsWith("\"\"\"", i)) {
                    anomalies.add(new Anomaly(line, "text blocks (\"\"\") are not allowed; use ordinary strings"));
                }
                int start = i + 1;
                int k = start;
                StringBuilder value = new StringBuilder();
                while (k < n && text.charAt(k) != c && text.charAt(k) != '\n') {
                    if (text.charAt(k) == '\\' && k + 1 < n && text.charAt(k + 1) != '\n') {
                        value.append(text.charAt(k)).append(text.charAt(k + 1));
                        k += 2;
                    } else {
                        value.append(text.charAt(k));
                        k++;
                    }
                }
                tokens.add(new Token(Kind.STRING, value.toString(), line));
                // An unterminated string ends at the line's end; the rest is read as code, which is the
                // stricter reading.
                i = k < n && text.charAt(k) == c ? k + 1 : k;
            } else if (Character.isJavaIdentifierStart(text.codePointAt(i))) {
                StringBuilder name = new StringBuilder();
                int k = i;
                while (k < n) {
                    int cp = text.codePointAt(k);
                    if (!Character.isJavaIdentifierPart(cp)) {
                        break;
                    }
                    if (Character.isIdentifierIgnorable(cp)) {
                        anomalies.add(new Anomaly(line, String.format("invisible character U+%04X inside a name;"
                                + " Java ignores it, so the name is not what it looks like", cp)));
                    } else {
                        name.appendCodePoint(cp);
                    }
                    k += Character.charCount(cp);
                }
                tokens.add(new Token(Kind.NAME, name.toString(), line));
                i = k;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                int k = i;
                while (k < n) {
                    char d = text.charAt(k);
                    boolean exponentSign = (d == '+' || d == '-') && k > i
                            && (text.charAt(k - 1) == 'e' || text.charAt(k - 1) == 'E')
                            && !(text.startsWith("0x", i) || text.startsWith("0X", i));
                    if (Character.isLetterOrDigit(d) || d == '_' || d == '.' || exponentSign) {
                        k++;
                    } else {
                        break;
                    }
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(i, k), line));
                i = k;
            } else {
                int cp = text.codePointAt(i);
                if (Character.isIdentifierIgnorable(cp)) {
                    anomalies.add(new Anomaly(line, String.format("invisible character U+%04X in the code", cp)));
                }
                String op = null;
                for (String candidate : OPERATORS) {
                    if (text.startsWith(candidate, i)) {
                        op = candidate;
                        break;
                    }
                }
                if (op == null) {
                    op = new String(Character.toChars(cp));
                }
                tokens.add(new Token(Kind.SYMBOL, op, line));
                i += op.length();
            }
        }
    }
}
