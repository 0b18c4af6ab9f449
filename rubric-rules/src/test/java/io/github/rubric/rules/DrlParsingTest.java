package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.Token;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;
import org.drools.drl.parser.lang.DRL6Lexer;
import org.junit.jupiter.api.Test;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The lexer that reads plain ASCII identifiers itself gives exactly the tokens and errors of Drools' own, and the
 * parse built on it exactly Drools' parse.
 */
class DrlParsingTest {

    @Test
    void everyCharacterAfterAnIdentifierIsReadAsDroolsReadsIt() {
        // GIVEN identifiers followed by each character of the first 0x3000 code points and some beyond, at the end of
        // the text or before more
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < 0x3000; c++) {
            texts.add("rule a" + (char) c);
            texts.add("$x" + (char) c + " y");
            texts.add("true" + (char) c + "b");
        }
        for (char c : "党员大会不少于次每少扣分\u4e00\u9fa5\ufeff\uffe6\ud800".toCharArray()) {
            texts.add("when x" + c + "y then");
        }

        // WHEN / THEN both lexers give the same tokens
        texts.forEach(DrlParsingTest::assertSameTokens);
    }

    @Test
    void keywordsLiteralsAndLoneDollarsAreLeftToDroolsLexer() {
        for (String text : List.of("true", "false", "null", "true)", "null;", "trueish", "nullable", "falsey",
                "$", "$ x", "$)", "$$", "_", "`quoted`", "x`", "a1b2", "1a", "1d2h", "0x1F", "a.b.c", "a\u0000b",
                "a\u007fb", "a\u0085b", "eval( x )", "@item(\"1\")", "$held : List( size < 4 )")) {
            assertSameTokens(text);
        }
    }

    @Test
    void randomTextsAreReadAsDroolsReadsThem() {
        // GIVEN 3,000 random texts from identifier characters, operators, quotes, spaces and non-ASCII letters
        String alphabet = "abczXYZ_$019 \t\n\r.,;:()[]{}<>=!&|+-*/%'\"`@#?\\~^"
                + "党员大会é\u0000\u0007\u001b\u007f\u0085";
        Random random = new Random(20261122);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // WHEN / THEN both lexers give the same tokens and errors
            assertSameTokens(text.toString());
        }
    }

    @Test
    void theTestRubricsParseToWhatDroolsParserReads() throws Exception {
        // GIVEN every rule file of the tests, and the tiny rubric
        List<String> texts = new ArrayList<>();
        texts.add(TestRubrics.TINY);
        for (Path file : testRuleFiles()) {
            texts.add(Files.readString(file, StandardCharsets.UTF_8));
        }

        for (String text : texts) {
            // WHEN each is parsed by Drools' parser and through DrlParsing
            DrlParser drools = new DrlParser(LanguageLevelOption.DRL6);
            PackageDescr expected = drools.parse(false, text);
            DrlParsing.Parse actual = DrlParsing.parse(text, LanguageLevelOption.DRL6);

            // THEN the tokens, the errors and the parsed rules are the same
            assertSameTokens(text);
            assertThat(actual.errors()).isEqualTo(errorsOf(drools));
            assertThat(actual.parsed() == null).isEqualTo(drools.hasErrors());
            if (expected != null && actual.parsed() != null) {
                assertThat(actual.parsed().getRules()).extracting(Object::toString)
                        .isEqualTo(expected.getRules().stream().map(Object::toString).toList());
                assertThat(actual.parsed().getRules()).extracting(rule -> rule.getLhs().toString())
                        .isEqualTo(expected.getRules().stream().map(rule -> rule.getLhs().toString()).toList());
                assertThat(actual.parsed().getRules()).extracting(rule -> rule.getConsequence().toString())
                        .isEqualTo(expected.getRules().stream().map(rule -> rule.getConsequence().toString()).toList());
                assertThat(actual.parsed().getFunctions()).extracting(Object::toString)
                        .isEqualTo(expected.getFunctions().stream().map(Object::toString).toList());
            }
        }
    }

    @Test
    void aTextThatDoesNotParseIsReportedWithDroolsErrorsAndLines() throws Exception {
        // GIVEN a rule whose condition is cut short
        String text = TestRubrics.TINY + "\nrule \"broken\"\nwhen\n    Meeting( type == \nthen\nend\n";

        // WHEN it is parsed
        DrlParsing.Parse parse = DrlParsing.parse(text, LanguageLevelOption.DRL6);

        // THEN nothing is parsed, and the errors are Drools' own, with their lines
        DrlParser drools = new DrlParser(LanguageLevelOption.DRL6);
        drools.parse(false, text);
        assertThat(parse.parsed()).isNull();
        assertThat(parse.errors()).isNotEmpty().isEqualTo(errorsOf(drools))
                .allMatch(error -> error.line() >= TestRubrics.lineOf(text, "rule \"broken\""));
    }

    private static List<DrlParsing.Error> errorsOf(DrlParser parser) {
        List<DrlParsing.Error> errors = new ArrayList<>();
        for (DroolsError error : parser.getErrors()) {
            errors.add(new DrlParsing.Error(error instanceof ParserError p ? p.getRow() : 0, error.getMessage()));
        }
        return errors;
    }

    private static void assertSameTokens(String text) {
        DRL6Lexer drools = new DRL6Lexer(new ANTLRStringStream(text));
        DRL6Lexer ours = new DrlParsing.Lexer(new ANTLRStringStream(text));
        assertThat(tokens(ours)).as("tokens of %s", printable(text)).isEqualTo(tokens(drools));
        assertThat(ours.getErrors()).extracting(Throwable::getMessage).as("errors of %s", printable(text))
                .isEqualTo(drools.getErrors().stream().map(Throwable::getMessage).toList());
    }

    private static List<String> tokens(DRL6Lexer lexer) {
        List<String> tokens = new ArrayList<>();
        try {
            for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
                tokens.add(token.getType() + "/" + token.getChannel() + "/" + token.getLine() + ":"
                        + token.getCharPositionInLine() + "/" + token.getText());
            }
        } catch (RuntimeException e) {
            // Drools' lexer fails on some characters where it reports an error (a NullPointerException in its
            // message factory): the same failure, at the same token, is the same reading
            tokens.add("failed: " + e);
        }
        return tokens;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }

    private static List<Path> testRuleFiles() throws IOException, URISyntaxException {
        Path root = Path.of(DrlParsingTest.class.getResource("/io/github/rubric/rules").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> drl = files.filter(file -> file.toString().endsWith(".drl")).sorted().toList();
            assertThat(drl).hasSizeGreaterThan(10);
            return drl;
        }
    }
}
