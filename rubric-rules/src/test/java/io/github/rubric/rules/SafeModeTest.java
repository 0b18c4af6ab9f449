package io.github.rubric.rules;

import static io.github.rubric.rules.TestRubrics.lineOf;
import static io.github.rubric.rules.TestRubrics.tinyWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rubric.model.result.Scorecard;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Safe mode refuses what an untrusted rule file could use to take the process over, and accepts real rules. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SafeModeTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("System.exit in a consequence", """
                        rule "x" @item("1") when Counter() then System.exit(1); end
                        """, "System.exit", "java.lang.System, which is refused (system access)"),
                refused("a fully qualified name split by spaces and comments", """
                        rule "x" @item("1") when Counter() then java . lang . /* hidden */ System . exit(1); end
                        """, "java . lang", "java.lang.System"),
                refused("Runtime.exec", """
                        rule "x" @item("1") when Counter() then Runtime.getRuntime().exec("touch /tmp/pwned"); end
                        """, "Runtime.getRuntime", "java.lang.Runtime"),
                refused("ProcessBuilder", """
                        rule "x" @item("1") when Counter() then new ProcessBuilder("sh").start(); end
                        """, "ProcessBuilder", "java.lang.ProcessBuilder"),
                refused("Class.forName with a name built from strings", """
                        rule "x" @item("1") when Counter() then Object c = Class.forName("java.lang." + "Runtime"); end
                        """, "Class.forName", "java.lang.Class"),
                refused("getClass on a fact", """
                        rule "x" @item("1") when $c : Counter() then Object l = $c.getClass().getClassLoader(); end
                        """, "$c.getClass", "'getClass' is refused (reflection)"),
                refused("reflection", """
                        rule "x" @item("1") when Counter() then java.lang.reflect.Method m = null; end
                        """, "java.lang.reflect.Method", "java.lang.reflect.Method, which is refused (reflection)"),
                refused("a file", """
                        rule "x" @item("1") when Counter() then new java.io.File("/etc/passwd").delete(); end
                        """, "java.io.File", "java.io.File, which is refused (files)"),
                refused("java.nio.file", """
                        rule "x" @item("1") when Counter() then java.nio.file.Files.readString(null); end
                        """, "java.nio.file.Files", "java.nio.file.Files, which is refused (files)"),
                refused("the network", """
                        rule "x" @item("1") when Counter() then new java.net.Socket("example.org", 80); end
                        """, "java.net.Socket", "java.net.Socket, which is refused (network)"),
                refused("a thread", """
                        rule "x" @item("1") when Counter() then new Thread(() -> {}).start(); end
                        """, "new Thread", "java.lang.Thread, which is refused (threads)"),
                refused("an executor", """
                        rule "x" @item("1") when Counter() then java.util.concurrent.Executors.newFixedThreadPool(1); end
                        """, "java.util.concurrent", "which is refused (threads)"),
                refused("an import of a file type", """
                        import java.io.File
                        """, "import java.io.File", "import java.io.File is refused (files)"),
                refused("a wildcard import of the network package", """
                        import java.net.*
                        """, "import java.net.*", "import java.net.*: the package is not on safe mode's allow-list"),
                refused("a global other than score", """
                        global java.util.List leaked;
                        """, "global java.util.List", "the only global an untrusted rule file may declare"),
                refused("modify of an input fact", """
                        rule "x" @item("1") when $c : Counter() then modify($c) { setN(5) }; end
                        """, "modify($c)", "'modify' is refused: rules must not change or remove facts"),
                refused("update of an input fact", """
                        rule "x" @item("1") when $c : Counter() then update($c); end
                        """, "update($c)", "'update' is refused"),
                refused("retract of an input fact", """
                        rule "x" @item("1") when $c : Counter() then retract($c); end
                        """, "retract($c)", "'retract' is refused"),
                refused("delete of an input fact", """
                        rule "x" @item("1") when $c : Counter() then delete($c); end
                        """, "delete($c)", "'delete' is refused"),
                refused("a setter on a fact", """
                        rule "x" @item("1") when $c : Counter() then $c.setN(7); end
                        """, "$c.setN", "'setN(…)' is refused: rules must not change facts"),
                refused("a setter called in a condition", """
                        rule "x" @item("1") when $c : Counter( setN(7) == null ) then end
                        """, "setN(7)", "'setN(…)' is refused"),
                refused("an assignment in a condition", """
                        rule "x" @item("1") when $c : Counter() $d : Counter( n == ($c.n = 11) ) then end
                        """, "($c.n = 11)", "in a condition assigns a value and can change a fact"),
                refused("a while loop", """
                        rule "x" @item("1") when Counter() then while (true) { } end
                        """, "while (true)", "'while' is refused (loops could run forever"),
                refused("a do-while loop", """
                        rule "x" @item("1") when Counter() then do { } while (true); end
                        """, "do { }", "do-while loops are refused"),
                refused("a for(;;) loop", """
                        rule "x" @item("1") when Counter() then for (int i = 0; ; i++) { } end
                        """, "for (int i", "for(;;) loops are refused"),
                refused("a loop in accumulate's code", """
                        rule "x" @item("1")
                        when
                            $n : Integer() from accumulate( Counter(),
                                init( int c = 0; ), action( while (true) { c++; } ), result( c ) )
                        then
                        end
                        """, "action( while", "'while' is refused"),
                refused("recursive functions", """
                        function int ping(int n) { return pong(n + 1); }
                        function int pong(int n) { return ping(n + 1); }
                        """, "function int ping", "function ping calls itself"),
                refused("static state in a function", """
                        function int remember() { Object o = new Object() { static int seen = 0; }; return 0; }
                        """, "function int remember", "'static' is refused (static state"),
                refused("a function reading system properties", """
                        function String home() { return System.getProperty("user.home"); }
                        """, "System.getProperty", "java.lang.System"),
                refused("an anonymous class", """
                        rule "x" @item("1") when Counter() then java.util.Comparator<String> c = new java.util.Comparator<String>() {
                            public int compare(String a, String b) { return 0; } }; end
                        """, "new java.util.Comparator", "anonymous classes are refused"),
                refused("a Unicode escape hiding a name", """
                        rule "x" @item("1") when Counter() then \\u0053ystem.exit(1); end
                        """, "\\u0053ystem", "Unicode escapes (\\u…) are not allowed"),
                refused("a Unicode line break ending a comment", """
                        rule "x" @item("1") when Counter() then // \\u000a System.exit(1);
                        end
                        """, "\\u000a", "Unicode escapes"),
                refused("an invisible character inside a name", "rule \"x\" @item(\"1\") when Counter() then Sys\u200Btem.exit(1); end\n",
                        "Sys\u200Btem", "invisible character U+200B"),
                refused("a text block", """
                        rule "x" @item("1") when Counter() then String s = \"""
                            hidden\"""; end
                        """, "String s", "text blocks"),
                refused("code in rule metadata, which Drools runs while compiling", """
                        rule "x" @item( java.lang.System.setProperty("rubric.test.pwned", "yes") ) when Counter() then end
                        """, "@item( java.lang.System", "java.lang.System"),
                refused("code in a salience expression", """
                        rule "x" @item("1") salience( java.lang.Runtime.getRuntime().availableProcessors() ) when Counter() then end
                        """, "salience(", "java.lang.Runtime"),
                refused("an eval with an arbitrary call", """
                        rule "x" @item("1") when eval( java.lang.Runtime.getRuntime() != null ) then end
                        """, "eval(", "java.lang.Runtime"),
                refused("a from with a file call", """
                        rule "x" @item("1") when $line : String() from java.nio.file.Files.readAllLines(null) then end
                        """, "from java.nio", "java.nio.file.Files"),
                refused("the mvel dialect", """
                        rule "x" @item("1") dialect "mvel" when Counter() then end
                        """, "rule \"x\"", "dialect \"mvel\" is refused"),
                refused("a timer", """
                        rule "x" @item("1") timer (int: 1s 1s) when Counter() then end
                        """, "rule \"x\"", "the attribute 'timer' schedules work on other threads"),
                refused("catching errors", """
                        rule "x" @item("1") when Counter() then try { score.deduct("-1", "x"); } catch (RuntimeException e) { } end
                        """, "try {", "'try' is refused (catching errors could hide a failed scoring call"),
                refused("the clock", """
                        rule "x" @item("1") when Counter() then java.time.LocalDate d = java.time.LocalDate.now(); end
                        """, "LocalDate.now", "'now' is refused (reads the clock"),
                refused("randomness", """
                        rule "x" @item("1") when Counter() then double d = Math.random(); end
                        """, "Math.random", "'random' is refused"),
                refused("a regular expression", """
                        rule "x" @item("1") when Meeting( topic matches "(a+)+b" ) then end
                        """, "matches", "'matches' is refused (regular expressions"),
                refused("the engine's internals", """
                        rule "x" @item("1") when Counter() then drools.halt(); end
                        """, "drools.halt", "'drools' is refused (the rule engine's internals)"),
                refused("a declared type extending Thread", """
                        declare Evil extends java.lang.Thread
                        end
                        """, "extends java.lang.Thread", "java.lang.Thread"),
                refused("a declared field of a file type", """
                        declare Evil
                            path : java.io.File
                        end
                        """, "java.io.File", "java.io.File"),
                refused("the library's own loader", """
                        rule "x" @item("1") when Counter() then io.github.rubric.rules.Rubric.fromClasspath("x"); end
                        """, "io.github.rubric.rules.Rubric", "io.github.rubric.rules.Rubric, which is refused"),
                refused("a declared type shadowing System", """
                        declare System
                        end
                        rule "x" @item("1") when eval( System.load("/tmp/evil.so") == null ) then end
                        """, "declare System", "java.lang.System"),
                refused("a qualified annotation naming the engine", """
                        declare Evil
                            @org.kie.api.definition.type.Position(0) n : int
                        end
                        """, "@org.kie", "which is refused (the rule engine's internals)"),
                refused("a function import", """
                        import function java.lang.System.exit
                        """, "import function", "function, accumulate and static imports (java.lang.System.exit)"),
                refused("a parallel sort, which runs on other threads", """
                        rule "x" @item("1") when Counter() then java.util.Arrays.parallelSort(new int[0]); end
                        """, "parallelSort", "'parallelSort' is refused (threads)"));
    }

    private static Arguments refused(String what, String drl, String at, String message) {
        return Arguments.of(what, drl, at, message);
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refused")
    void refusesWithFileLineAndTheOffendingName(String what, String drl, String at, String message) {
        // GIVEN
        String text = tinyWith(drl);

        // WHEN
        RubricException error = catchThrowableOfType(RubricException.class, () -> Rubric.fromString("untrusted.drl", text));

        // THEN
        assertThat(error).as("safe mode must refuse " + what).isNotNull();
        assertThat(error.problems())
                .anySatisfy(p -> {
                    assertThat(p.source()).isEqualTo("untrusted.drl");
                    assertThat(p.line()).isEqualTo(lineOf(text, at));
                    assertThat(p.message()).startsWith("safe mode: ").contains(message);
                });
    }

    @Test
    void doesNotRunCodeInMetadataOfARefusedFile() {
        // GIVEN Drools evaluates rule metadata while compiling
        String text = tinyWith("""
                rule "x" @item( java.lang.System.setProperty("rubric.test.metadata", "ran") ) when Counter() then end
                """);

        // WHEN
        assertThatThrownBy(() -> Rubric.fromString("untrusted.drl", text)).isInstanceOf(RubricException.class);

        // THEN
        assertThat(System.getProperty("rubric.test.metadata")).isNull();
    }

    @Test
    void acceptsTheConstructsRealRubricsUse() {
        // GIVEN collect, accumulate, exists/not, declared types and enums, inserts of the rubric's own facts,
        // non-recursive functions, for-each loops, lambdas, BigDecimal and java.time arithmetic
        String text = tinyWith("""
                import java.math.BigDecimal;
                import java.math.RoundingMode;
                import java.time.LocalDate;

                declare enum Level LOW, HIGH; end
                declare Note
                    text : String
                end

                function String label(int n) { return n == 1 ? "one" : String.valueOf(n); }

                rule "1.2 counters are noted"
                    @item("1")
                when
                    $total : Number( intValue >= 0 ) from accumulate( Counter( $n : n ), sum( $n ) )
                    $all : List() from collect( Counter() )
                    exists Counter()
                    not Note()
                then
                    int shown = 0;
                    for (Object c : $all) { shown++; }
                    String joined = String.join(",", java.util.List.of(label(shown), "x"));
                    BigDecimal half = new BigDecimal("1").divide(new BigDecimal("2")).setScale(1, RoundingMode.HALF_UP);
                    LocalDate day = LocalDate.of(2024, 1, 1).plusDays($all.size());
                    long big = $all.stream().filter(c -> c != null).count();
                    insert(new Note(joined + half + day + big + Level.HIGH));
                    score.deduct("0.5", "counted " + $all.size() + ", {points} deducted");
                end
                """);

        // WHEN
        Rubric rubric = Rubric.fromString("untrusted.drl", text);
        Scorecard card = rubric.score(rubric.readFacts("facts.yaml", TestRubrics.factsWithCounters(2)));

        // THEN
        assertThat(card.total()).isEqualByComparingTo(new BigDecimal("9.5"));
        assertThat(card.deductions()).singleElement().satisfies(d -> assertThat(d.reason()).isEqualTo("counted 2, 0.5 deducted"));
    }

    @Test
    void trustedModeCompilesWhatSafeModeRefuses() {
        // GIVEN a consequence that reads a system property: harmless here, refused from an untrusted author
        String text = tinyWith("""
                rule "x" @item("1") when Counter() then score.finding("java " + System.getProperty("java.version")); end
                """);
        assertThatThrownBy(() -> Rubric.fromString("untrusted.drl", text)).isInstanceOf(RubricException.class);

        // WHEN
        Rubric rubric = Rubric.loader().trusted().fromString("ours.drl", text);

        // THEN
        assertThat(rubric.score(rubric.readFacts("facts.yaml", TestRubrics.factsWithCounters(1))).findings())
                .singleElement().satisfies(f -> assertThat(f.reason()).startsWith("java "));
    }

    @Test
    void loadsFilesInSafeModeAndClasspathResourcesTrusted(@TempDir Path dir) throws Exception {
        // GIVEN the same rule file on disk and on the classpath (src/test/resources)
        String resource = "io/github/rubric/rules/reads-a-system-property.drl";
        String text = new String(getClass().getClassLoader().getResourceAsStream(resource).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Path file = Files.writeString(dir.resolve("reads-a-system-property.drl"), text);

        // WHEN / THEN
        assertThatThrownBy(() -> Rubric.fromFile(file)).isInstanceOf(RubricException.class)
                .hasMessageContaining(file + ":").hasMessageContaining("java.lang.System");
        assertThat(Rubric.fromClasspath(resource).ruleNames()).contains("x");
        assertThatThrownBy(() -> Rubric.loader().safe().fromClasspath(resource)).isInstanceOf(RubricException.class)
                .hasMessageContaining("java.lang.System");
        assertThat(Rubric.loader().trusted().fromFile(file).ruleNames()).contains("x");
    }

    @Test
    void acceptsTheScoreGlobalNamedThroughAnImport() {
        // GIVEN
        String text = TestRubrics.TINY.replace("global io.github.rubric.rules.Scoring score;",
                "import io.github.rubric.rules.Scoring;\nglobal Scoring score;");

        // WHEN
        Rubric rubric = Rubric.fromString("untrusted.drl", text);

        // THEN
        assertThat(rubric.ruleNames()).containsExactly("1 at least four general meetings");
    }

    @Test
    void refusesAReservedPackage() {
        // GIVEN rules that claim the library's own package
        String text = TestRubrics.TINY.replace("package tiny;", "package io.github.rubric.rules;");

        // WHEN / THEN
        assertThatThrownBy(() -> Rubric.fromString("untrusted.drl", text)).isInstanceOf(RubricException.class)
                .hasMessageContaining("untrusted.drl:" + lineOf(text, "package io.github") + ": safe mode: package"
                        + " io.github.rubric.rules is reserved");
    }

    @Test
    void saysHowToTrustAFileAfterRefusingIt() {
        // GIVEN
        String text = tinyWith("""
                rule "x" @item("1") when Counter() then System.exit(1); end
                """);

        // WHEN / THEN
        assertThatThrownBy(() -> Rubric.fromString("untrusted.drl", text))
                .hasMessageContaining("docs/security.md").hasMessageContaining("Rubric.loader().trusted()");
    }

    @Test
    void refusesSettingTheSameOptionTwice() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> Rubric.loader().trusted().safe()).isInstanceOf(IllegalStateException.class)
                .hasMessage("trust was already set to trusted");
        assertThatThrownBy(() -> Rubric.loader().firingLimit(5).firingLimit(6)).isInstanceOf(IllegalStateException.class)
                .hasMessage("firing limit was already set to 5");
        assertThatThrownBy(() -> Rubric.loader().firingLimit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("firing limit must be at least 1, was 0");
        assertThatThrownBy(() -> Rubric.loader().timeBudget(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time budget must be positive");
        assertThatThrownBy(() -> Rubric.loader().maxFileSize(10).maxFileSize(10))
                .isInstanceOf(IllegalStateException.class).hasMessage("maximum file size was already set to 10");
    }
}
