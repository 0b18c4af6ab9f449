package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile facts files (and rubric headers) are refused with a clear error, in bounded time and memory. Each
 * input is built in memory; the timeout is a guard against a hang, not a performance assertion.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileFactsTest {
    private static final String BASE = """
            subject: { id: branch, name: Branch, type: PARTY_BRANCH }
            period: 2024
            """;

    private static Rubric rubric;

    @BeforeAll
    static void compile() {
        rubric = Rubric.fromString("tiny.drl", TestRubrics.TINY);
    }

    @Test
    void refusesAFileLargerThanTheLimit(@TempDir Path dir) throws Exception {
        // GIVEN a 3 MiB facts file: one long comment after valid facts
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, BASE + "# " + "x".repeat(3 * 1024 * 1024) + "\n");

        // WHEN / THEN
        assertThatThrownBy(() -> rubric.readFacts(file)).isInstanceOf(FactsException.class)
                .hasMessage(file + ": is larger than the limit of 2097152 bytes (see RubricLoader.maxFileSize)");
    }

    @Test
    void refusesTextLargerThanAConfiguredLimit() {
        // GIVEN a rubric loaded with a 1 KiB limit
        Rubric small = Rubric.loader().maxFileSize(1024).fromString("tiny.drl", TestRubrics.TINY.replace(
                "requirement: at least four meetings, criteria: 1 point for each missing", "requirement: r, criteria: c"));
        String facts = BASE + "meetings:\n" + "  - { type: GENERAL_MEETING, date: 2024-03-01 }\n".repeat(40);

        // WHEN / THEN
        assertThatThrownBy(() -> small.readFacts("facts.yaml", facts)).isInstanceOf(FactsException.class)
                .hasMessageContaining("facts.yaml: is larger than the limit of 1024 bytes");
    }

    @Test
    void refusesARubricFileLargerThanTheLimit() {
        // GIVEN
        String text = TestRubrics.TINY + "// " + "x".repeat(4096) + "\n";

        // WHEN / THEN
        assertThatThrownBy(() -> Rubric.loader().maxFileSize(4096).fromString("big.drl", text))
                .isInstanceOf(RubricException.class).hasMessageContaining("big.drl: is larger than the limit of 4096 bytes");
    }

    @Test
    void stopsReadingAFileThatNeverEnds() {
        // GIVEN a device that yields zeros forever and whose size the file system reports as 0
        Path zeros = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zeros), "needs /dev/zero");

        // WHEN / THEN
        assertThatThrownBy(() -> rubric.readFacts(zeros)).isInstanceOf(FactsException.class)
                .hasMessageContaining("is larger than the limit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepNesting")
    void refusesDeepNesting(String name, String text) {
        // WHEN / THEN
        assertThatThrownBy(() -> rubric.readFacts(name, text)).isInstanceOf(FactsException.class)
                .hasMessageContaining("nested more than 64 levels deep");
    }

    static Stream<Arguments> deepNesting() {
        int depth = 100_000;
        return Stream.of(
                Arguments.of("deep.yaml", BASE + "meetings: " + "[".repeat(depth) + "]".repeat(depth) + "\n"),
                Arguments.of("deep.json", "{\"subject\": {\"id\": \"b\", \"name\": \"B\", \"type\": \"PARTY_BRANCH\"},"
                        + " \"period\": 2024, \"meetings\": " + "[".repeat(depth) + "]".repeat(depth) + "}"),
                Arguments.of("deep-mappings.yaml", BASE + "meetings:\n" + nestedMappings(200)));
    }

    private static String nestedMappings(int depth) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            text.append("  ".repeat(i + 1)).append("a:\n");
        }
        return text.append("  ".repeat(depth + 1)).append("x\n").toString();
    }

    @Test
    void refusesABillionLaughsAliasBomb() {
        // GIVEN nine levels of ten aliases each: a billion strings once expanded
        StringBuilder text = new StringBuilder(BASE).append("records:\n  Counter:\n    - { n: 1 }\nlaughs:\n");
        text.append("  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            text.append("  a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
        }

        // WHEN
        FactsException error = catchThrowableOfType(FactsException.class, () -> rubric.readFacts("laughs.yaml", text.toString()));

        // THEN
        assertThat(error).isNotNull();
        assertThat(error.line()).isEqualTo(7);
        assertThat(error).hasMessage("laughs.yaml:7: YAML anchors and aliases (&name, *name) are not allowed in facts"
                + " files; write each value out");
    }

    @Test
    void indexesLinesOfAnAliasBombWithoutExpandingIt() {
        // GIVEN 25 levels of two aliases each: within SnakeYAML's alias limit, 2^25 nodes if walked naively
        StringBuilder text = new StringBuilder("a0: &a0 [x, y]\n");
        for (int level = 1; level <= 25; level++) {
            text.append("a").append(level).append(": &a").append(level).append(" [*a").append(level - 1)
                    .append(", *a").append(level - 1).append("]\n");
        }

        // WHEN
        YamlLines lines = YamlLines.of(text.toString(), 0);

        // THEN
        assertThat(lines.line("a25")).isEqualTo(26);
        assertThat(YamlLines.firstAnchorOrAlias(text.toString())).isEqualTo(1);
    }

    @Test
    void refusesAnAliasThatWouldChangeAValueSilently() {
        // GIVEN Jackson reads *t as the text "t", not as the anchored value
        String text = BASE + """
                meetings:
                  - { type: GENERAL_MEETING, date: 2024-03-01, topic: &t 学习 }
                  - { type: GENERAL_MEETING, date: 2024-03-02, topic: *t }
                """;

        // WHEN / THEN
        assertThatThrownBy(() -> rubric.readFacts("alias.yaml", text)).isInstanceOf(FactsException.class)
                .hasMessageStartingWith("alias.yaml:4: YAML anchors and aliases");
    }

    @Test
    void refusesAnAliasBombInARubricHeader() {
        // GIVEN
        String text = TestRubrics.TINY.replace("version: \"1\"\n", "version: \"1\"\nx: &x [a, b]\ny: [*x, *x]\n");

        // WHEN / THEN
        assertThatThrownBy(() -> Rubric.fromString("bomb.drl", text)).isInstanceOf(RubricException.class)
                .hasMessageContaining("bomb.drl:5: rubric header: YAML anchors and aliases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicateKeys")
    void refusesDuplicateKeys(String where, String text, int line, String key, String path) {
        // WHEN
        FactsException error = catchThrowableOfType(FactsException.class, () -> rubric.readFacts("dup.yaml", text));

        // THEN
        assertThat(error).as(where).isNotNull();
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.path()).isEqualTo(path);
        assertThat(error).hasMessageContaining("Duplicate field '" + key + "'");
    }

    static Stream<Arguments> duplicateKeys() {
        return Stream.of(
                Arguments.of("top level", BASE + "period: 2025\n", 3, "period", "period"),
                Arguments.of("in a fact", BASE + "meetings:\n  - { type: GENERAL_MEETING, date: 2024-03-01, date: 2024-04-01 }\n",
                        4, "date", "meetings[0].date"),
                Arguments.of("in a declared record", BASE + "records:\n  Counter:\n    - n: 1\n      n: 2\n", 6, "n",
                        "records.Counter[0].n"),
                Arguments.of("record types", BASE + "records:\n  Counter: []\n  Counter: []\n", 5, "Counter",
                        "records.Counter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void refusesInvalidUtf8WithItsPlace(String what, byte[] bad, @TempDir Path dir) throws Exception {
        // GIVEN a facts file whose third line holds the bad bytes
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(BASE.getBytes(StandardCharsets.UTF_8));
        bytes.write("# ".getBytes(StandardCharsets.UTF_8));
        bytes.write(bad);
        bytes.write('\n');
        Path file = Files.write(dir.resolve("bad.yaml"), bytes.toByteArray());
        int offset = BASE.getBytes(StandardCharsets.UTF_8).length + 2;

        // WHEN / THEN
        assertThatThrownBy(() -> rubric.readFacts(file)).as(what).isInstanceOf(FactsException.class)
                .hasMessage(file + ":3: is not valid UTF-8: malformed byte sequence at byte " + offset);
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("a truncated sequence", new byte[] {(byte) 0xC3, 0x28}),
                Arguments.of("an overlong encoding of '/'", new byte[] {(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("an encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("a Latin-1 byte", new byte[] {(byte) 0xE9}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbersOutOfRange")
    void refusesNumbersOutOfRange(String what, String name, String text, String path, String problem) {
        // WHEN
        FactsException error = catchThrowableOfType(FactsException.class, () -> rubric.readFacts(name, text));

        // THEN
        assertThat(error).as(what).isNotNull();
        assertThat(error.path()).isEqualTo(path);
        assertThat(error).hasMessageContaining(problem);
    }

    static Stream<Arguments> numbersOutOfRange() {
        String payment = "duesPayments:\n  - { member: 张三, month: 2024-01, due: %s, paid: 1, date: 2024-01-05 }\n";
        String range = "is out of range: expected at most 12 digits before the decimal point and 6 after";
        return Stream.of(
                Arguments.of("1e400 (a YAML string read as a number)", "f.yaml", BASE + payment.formatted("1e400"),
                        "duesPayments[0].due", "'1E+400' " + range),
                Arguments.of("1.0e400 (a YAML float)", "f.yaml", BASE + payment.formatted("1.0e400"),
                        "duesPayments[0].due", "'1E+400' " + range),
                Arguments.of("a huge exponent", "f.yaml", BASE + payment.formatted("1e999999999"),
                        "duesPayments[0].due", "'1E+999999999' " + range),
                Arguments.of("a huge exponent in quotes", "f.yaml", BASE + payment.formatted("\"1e999999999\""),
                        "duesPayments[0].due", "'1e999999999' is out of range"),
                Arguments.of("a huge negative exponent", "f.yaml", BASE + payment.formatted("-1.5e999999999"),
                        "duesPayments[0].due", "is out of range"),
                Arguments.of("too many decimals", "f.yaml", BASE + payment.formatted("0.0000001"),
                        "duesPayments[0].due", range),
                Arguments.of("a 10,000-digit number", "f.yaml", BASE + payment.formatted("1" + "0".repeat(9_999)),
                        "duesPayments[0].due", "a number with more than 100 digits is out of range"),
                Arguments.of("a count beyond int", "f.yaml",
                        BASE + "meetings:\n  - { type: GENERAL_MEETING, date: 2024-03-01, attended: 99999999999 }\n",
                        "meetings[0].attended", "'99999999999' is out of range: expected a whole number up to 2147483647"),
                Arguments.of("an overflowing member count", "f.yaml",
                        BASE.replace("PARTY_BRANCH }", "PARTY_BRANCH, members: 2147483648 }"),
                        "subject.members", "'2147483648' is out of range"),
                Arguments.of("a declared record's int field beyond int", "f.yaml",
                        BASE + "records:\n  Counter:\n    - { n: 3000000000 }\n",
                        "records.Counter[0].n", "'3000000000' is out of range"),
                Arguments.of("an assessor's points of 1e400", "f.yaml",
                        BASE + "judgements:\n  - { item: \"1\", points: 1.0e400 }\n",
                        "judgements[0].points", range),
                Arguments.of("1e400 in JSON", "f.json",
                        "{\"subject\": {\"id\": \"b\", \"name\": \"B\", \"type\": \"PARTY_BRANCH\"}, \"period\": 2024,"
                                + " \"duesPayments\": [{\"member\": \"a\", \"month\": \"2024-01\", \"due\": 1e400,"
                                + " \"paid\": 1, \"date\": \"2024-01-05\"}]}",
                        "duesPayments[0].due", "'1E+400' " + range),
                Arguments.of("a huge exponent in JSON text", "f.json",
                        "{\"subject\": {\"id\": \"b\", \"name\": \"B\", \"type\": \"PARTY_BRANCH\"}, \"period\": 2024,"
                                + " \"duesPayments\": [{\"member\": \"a\", \"month\": \"2024-01\", \"due\": \"-1e999999999\","
                                + " \"paid\": 1, \"date\": \"2024-01-05\"}]}",
                        "duesPayments[0].due", "is out of range"));
    }

    @Test
    void refusesANegativeHugeNumberInADeclaredRecord() {
        // GIVEN a declared record with a decimal field; -1e400's low 64 bits are zero, so longValue() says 0
        Rubric withAmount = Rubric.fromString("amount.drl", TestRubrics.tinyWith("""
                declare Amount
                    value : java.math.BigDecimal
                end
                """));

        // WHEN / THEN
        assertThatThrownBy(() -> withAmount.readFacts("f.yaml", BASE + "records:\n  Amount:\n    - { value: -1.0e400 }\n"))
                .isInstanceOf(FactsException.class).hasMessageContaining("records.Amount[0].value: '-1E+400' is out of range");
        assertThatThrownBy(() -> withAmount.readFacts("f.yaml", BASE + "records:\n  Amount:\n    - { value: -1.5 }\n"))
                .isInstanceOf(FactsException.class).hasMessageContaining("records.Amount[0].value: must not be negative");
    }

    @ParameterizedTest(name = "date: {0}")
    @ValueSource(strings = {"2024/03/12", "12.03.2024", "2024-13-01", "2024-02-30", "20240312", "19800",
        "2024-03-12T10:00", "'2024-3-1'", "''", "[2024, 3, 12]", "March 12"})
    void refusesDatesInTheWrongForm(String date) {
        // GIVEN
        String text = BASE + "meetings:\n  - { type: GENERAL_MEETING, date: " + date + " }\n";

        // WHEN
        FactsException error = catchThrowableOfType(FactsException.class, () -> rubric.readFacts("dates.yaml", text));

        // THEN
        assertThat(error).isNotNull();
        assertThat(error.path()).isEqualTo("meetings[0].date");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error).hasMessageContaining("date (YYYY-MM-DD)");
    }

    @ParameterizedTest(name = "month: {0}")
    @ValueSource(strings = {"202401", "2024-1", "2024-13", "01-2024"})
    void refusesMonthsInTheWrongForm(String month) {
        // GIVEN
        String text = BASE + "duesPayments:\n  - { member: 张三, month: " + month + ", due: 1, paid: 1, date: 2024-01-05 }\n";

        // WHEN / THEN
        assertThatThrownBy(() -> rubric.readFacts("months.yaml", text)).isInstanceOf(FactsException.class)
                .hasMessageContaining("duesPayments[0].month").hasMessageContaining("month (YYYY-MM)");
    }

    @Test
    void refusesAHugeNumberInARubricHeader() {
        // GIVEN an untrusted header whose points would print as a billion digits
        String text = TestRubrics.TINY.replace("totalPoints: 10", "totalPoints: 1e999999999");

        // WHEN / THEN
        assertThatThrownBy(() -> Rubric.fromString("huge.drl", text)).isInstanceOf(RubricException.class)
                .hasMessageContaining("huge.drl:5: rubric header: totalPoints: '1E+999999999' is out of range");
    }

    @Test
    void refusesALibraryFactKindGivenAsARecord() {
        // GIVEN Meeting is a library kind, matched by the rules but not declared by the rubric
        String text = BASE + "records:\n  Meeting:\n    - { type: GENERAL_MEETING, date: 2024-03-01 }\n";

        // WHEN / THEN
        assertThat(rubric.declaredTypes()).containsExactly("Counter");
        assertThatThrownBy(() -> rubric.readFacts("f.yaml", text)).isInstanceOf(FactsException.class)
                .hasMessage("f.yaml:4: records.Meeting: unknown record type 'Meeting'; the rubric declares: Counter");
    }

    @Test
    void makesCollectionsOfDeclaredRecordsReadOnly() {
        // GIVEN a declared record with a list: a rule that changed it would change the input
        Rubric withList = Rubric.loader().trusted().fromString("list.drl", TestRubrics.tinyWith("""
                declare Roster
                    names : java.util.List
                end
                rule "adds a name"
                    @item("1")
                when
                    $r : Roster()
                then
                    $r.getNames().add("intruder");
                end
                """));
        var facts = withList.readFacts("f.yaml", TestRubrics.FACTS + "records:\n  Roster:\n    - { names: [a, b] }\n");

        // WHEN / THEN
        assertThatThrownBy(() -> withList.score(facts)).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("UnsupportedOperationException");
    }
}
