package io.github.rubric.rules;

import java.util.ArrayList;
import java.util.List;
import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.antlr.runtime.RecognitionException;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DRLFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.drl.parser.lang.DRL6Lexer;
import org.drools.drl.parser.lang.DRLParser;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Drools' DRL parser, as {@link DrlParser} runs it, with a lexer that reads plain ASCII identifiers itself.
 *
 * <p>Drools' generated lexer decides whether a character continues an identifier by testing it against some four
 * hundred Unicode ranges, one after the other, and the method that does it is too large for the JIT to compile
 * (over 8,000 bytes of bytecode): the character after every identifier runs through all the ranges in the
 * interpreter. That was about a tenth of a warm compile of a rubric. An identifier that starts with an ASCII
 * letter, {@code $} or {@code _}, goes on with ASCII characters that continue identifiers (letters, digits,
 * {@code $}, {@code _}, and the control characters Java ignores in identifiers), and ends at an ASCII character
 * that cannot continue it or at the end of the text, is read here to the same token. Everything else (an
 * identifier that goes on past ASCII, {@code true}, {@code false}, {@code null}, a lone {@code $}, the backtick
 * form, every other token) is left to Drools' lexer.
 */
final class DrlParsing {
    /** Whether an ASCII character starts an identifier, as Drools' lexer's {@code IdentifierStart} says. */
    private static final boolean[] STARTS = new boolean[128];
    /** Whether an ASCII character continues an identifier, as Drools' lexer's {@code IdentifierPart} says. */
    private static final boolean[] CONTINUES = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            STARTS[c] = true;
            STARTS[Character.toUpperCase(c)] = true;
        }
        STARTS['$'] = true;
        STARTS['_'] = true;
        System.arraycopy(STARTS, 0, CONTINUES, 0, STARTS.length);
        for (char c = '0'; c <= '9'; c++) {
            CONTINUES[c] = true;
        }
        // the characters Java ignores in identifiers: U+0000–U+0008, U+000E–U+001B, U+007F
        for (int c = 0x00; c <= 0x08; c++) {
            CONTINUES[c] = true;
        }
        for (int c = 0x0E; c <= 0x1B; c++) {
            CONTINUES[c] = true;
        }
        CONTINUES[0x7F] = true;
    }

    private DrlParsing() {
    }

    /**
     * What the parser read, and what it found wrong.
     *
     * @param parsed the package as the parser read it; null when there are errors
     * @param errors the lexer's errors, then the parser's, as {@link DrlParser#getErrors()} lists them
     */
    record Parse(PackageDescr parsed, List<Error> errors) {
    }

    /**
     * An error of the text.
     *
     * @param line its line, from 1; 0 when not known
     * @param message the parser's message
     */
    record Error(int line, String message) {
    }

    /**
     * Parses a DRL text at a language level, as {@code new DrlParser(level).parse(false, text)} does.
     *
     * @throws DroolsParserException if the parser failed on something else than the text's errors
     */
    static Parse parse(String text, LanguageLevelOption level) throws DroolsParserException {
        if (level != LanguageLevelOption.DRL6) {
            DrlParser parser = new DrlParser(level);
            PackageDescr parsed = parser.parse(false, text);
            List<Error> errors = new ArrayList<>();
            parser.getErrors().forEach(error -> errors.add(
                    new Error(error instanceof ParserError p ? p.getRow() : 0, error.getMessage())));
            return new Parse(parser.hasErrors() ? null : parsed, errors);
        }
        Lexer lexer = new Lexer(new ANTLRStringStream(text));
        DRLParser parser = DRLFactory.buildParser(lexer, level);
        PackageDescr parsed;
        try {
            parsed = parser.compilationUnit(null);
        } catch (RecognitionException | RuntimeException e) {
            // as DrlParser reports it
            throw new DroolsParserException("Unexpected exception raised while parsing. This is a bug. Please contact"
                    + " the Development team :\n" + e.getMessage(), e);
        }
        List<Error> errors = new ArrayList<>();
        for (List<DroolsParserException> found : List.of(lexer.getErrors(), parser.getErrors())) {
            found.forEach(error -> errors.add(new Error(error.getLineNumber(), error.getMessage())));
        }
        return new Parse(errors.isEmpty() ? parsed : null, errors);
    }

    /** Drools' DRL lexer, reading plain ASCII identifiers itself (see {@link DrlParsing}). */
    static final class Lexer extends DRL6Lexer {
        Lexer(CharStream input) {
            super(input);
        }

        @Override
        public void mTokens() throws RecognitionException {
            int length = asciiIdentifier();
            if (length == 0) {
                super.mTokens();
                return;
            }
            for (int i = 0; i < length; i++) {
                input.consume();
            }
            state.type = ID;
            state.channel = DEFAULT_TOKEN_CHANNEL;
        }

        /** @return the length of the ASCII identifier the input starts with, or 0 to leave the token to Drools */
        private int asciiIdentifier() {
            int first = input.LA(1);
            if (first < 0 || first >= STARTS.length || !STARTS[first]) {
                return 0;
            }
            int length = 1;
            int next = input.LA(2);
            while (next >= 0 && next < CONTINUES.length && CONTINUES[next]) {
                length++;
                next = input.LA(length + 1);
            }
            if (next >= CONTINUES.length) {
                // past ASCII, the identifier may go on
                return 0;
            }
            if (length == 1 && first == '$' || is("true", length) || is("false", length) || is("null", length)) {
                return 0;
            }
            return length;
        }

        /** @return whether the identifier of that length the input starts with is the word */
        private boolean is(String word, int length) {
            if (length != word.length()) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (input.LA(i + 1) != word.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
