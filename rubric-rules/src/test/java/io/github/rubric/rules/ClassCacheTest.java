package io.github.rubric.rules;

import static io.github.rubric.rules.TestRubrics.FACTS;
import static io.github.rubric.rules.TestRubrics.deductions;
import static io.github.rubric.rules.TestRubrics.tinyWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.rubric.model.result.Scorecard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classes compiled for a rubric's rules, kept in a directory: a rubric compiled again takes them from there and
 * scores as it did; anything wrong with an entry costs only the time it would have saved.
 */
class ClassCacheTest {
    private static final String RULES = tinyWith("""
            rule "1.2 verified complaints, each"
                @item("1")
            when
                $c : Complaint( verified )
            then
                score.deduct("0.5", "verified complaint on " + $c.date());
            end
            """);
    private static final String COMPLAINTS = FACTS + """
            complaints:
              - { date: 2024-07-01, summary: 食堂, verified: true }
              - { date: 2024-08-01, summary: 路灯, verified: false }
            """;
    private static final List<String> EXPECTED = List.of(
            "1.2 verified complaints, each: verified complaint on 2024-07-01 -0.5 [complaints[0]]");

    @TempDir
    Path directory;

    @Test
    void aRubricCompiledAgainTakesItsClassesFromTheCacheAndScoresTheSame() throws IOException {
        // GIVEN a rubric compiled once with a class cache
        RubricLoader first = Rubric.loader().classCache(directory);
        Scorecard before = score(first.fromString("cached.drl", RULES));

        // WHEN it is compiled again, by another loader on the same directory
        RubricLoader second = Rubric.loader().classCache(directory);
        Scorecard after = score(second.fromString("cached.drl", RULES));

        // THEN the first wrote one entry and the second read it, and both score the same
        assertThat(first.classCache().writes()).isEqualTo(1);
        assertThat(second.classCache().hits()).isEqualTo(1);
        assertThat(second.classCache().writes()).isZero();
        assertThat(entries()).hasSize(1);
        assertThat(deductions(before)).containsExactlyElementsOf(EXPECTED);
        assertThat(Scorecards.toJson(after)).isEqualTo(Scorecards.toJson(before));
    }

    @Test
    void theClassesOfAnEntryAreTheOnesTheRulesRun() throws IOException {
        // GIVEN an entry whose consequence class says VERIFIED where the rule file says verified (same length, so
        // the class stays valid), signed anew as the cache signs its entries
        Rubric.loader().classCache(directory).fromString("cached.drl", RULES);
        Path entry = entries().get(0);
        String hex = entry.getFileName().toString().replace(".classes", "");
        Map<String, byte[]> classes = ClassCache.decode(Files.readAllBytes(entry), hex);
        byte[] from = "verified complaint on ".getBytes(StandardCharsets.UTF_8);
        byte[] to = "VERIFIED complaint on ".getBytes(StandardCharsets.UTF_8);
        int changed = 0;
        for (byte[] bytes : classes.values()) {
            for (int i = 0; i + from.length <= bytes.length; i++) {
                if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                    System.arraycopy(to, 0, bytes, i, to.length);
                    changed++;
                }
            }
        }
        Files.write(entry, ClassCache.encode(classes, hex));

        // WHEN the rubric is compiled again
        Scorecard card = score(Rubric.loader().classCache(directory).fromString("cached.drl", RULES));

        // THEN its deduction comes from the entry's class, not from a compile of the file
        assertThat(changed).isEqualTo(1);
        assertThat(deductions(card)).containsExactly(
                "1.2 verified complaints, each: VERIFIED complaint on 2024-07-01 -0.5 [complaints[0]]");
    }

    @Test
    void aDirectoryOthersMayWriteToIsNotUsed() throws IOException {
        // GIVEN a cache directory anyone may write to (on a file system with POSIX permissions)
        Assumptions.assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path open = Files.createDirectory(directory.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        // WHEN a rubric is compiled with it, twice, THEN the cache is off: the rubric scores as written, and nothing
        // is written there or read from there
        compiledTwiceWithTheCacheOff(open);
        try (Stream<Path> files = Files.list(open)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDirectoryItMakesIsItsOwnersOnly() throws IOException {
        // GIVEN a cache directory that does not exist yet, nor its parent (on a file system with POSIX permissions)
        Assumptions.assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path made = directory.resolve("parent").resolve("cache");

        // WHEN a rubric is compiled with it
        RubricLoader loader = Rubric.loader().classCache(made);
        loader.fromString("cached.drl", RULES);

        // THEN the cache's directory is readable and writable by its owner only, and holds the entry
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");
        assertThat(loader.classCache().writes()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "a name that is not a class file's, name",
        "class bytes that are not a class, bytes",
    })
    void aSignedEntryThatDoesNotHoldClassesIsCompiledAgain(String what, String damage) throws IOException {
        // GIVEN an entry signed as the cache signs its entries, but holding a name that is not a class file's, or
        // class bytes that are not a class
        Rubric.loader().classCache(directory).fromString("cached.drl", RULES);
        Path entry = entries().get(0);
        String hex = entry.getFileName().toString().replace(".classes", "");
        Map<String, byte[]> classes = new java.util.HashMap<>(ClassCache.decode(Files.readAllBytes(entry), hex));
        if (damage.equals("name")) {
            classes.put("x", new byte[] {1});
        } else {
            classes.replaceAll((name, bytes) -> new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0});
        }
        Files.write(entry, ClassCache.encode(classes, hex));

        // WHEN the rubric is compiled again
        RubricLoader loader = Rubric.loader().classCache(directory);
        Scorecard card = score(loader.fromString("cached.drl", RULES));

        // THEN it loads and scores as written, compiled, and the entry is written anew
        assertThat(deductions(card)).as(what).containsExactlyElementsOf(EXPECTED);
        assertThat(loader.classCache().writes()).as(what).isEqualTo(1);
        RubricLoader next = Rubric.loader().classCache(directory);
        next.fromString("cached.drl", RULES);
        assertThat(next.classCache().hits()).as(what).isEqualTo(1);
    }

    @Test
    void aSignedEntryIsReadOnlyAsFarAsItHoldsBytes() throws IOException {
        // GIVEN an entry whose count of classes, then whose first class's size, says more than it holds, each
        // signed anew; and one with a byte after its last class
        byte[] whole = ClassCache.encode(Map.of("a/B.class", new byte[] {1, 2, 3}), "k");
        byte[] content = java.util.Arrays.copyOf(whole, whole.length - 32);
        int count = 4 + 4 + 2 + 1; // magic, format, the key as UTF ("k")
        int size = count + 4 + 2 + "a/B.class".length();

        // WHEN each is decoded, THEN it is refused, saying why
        assertThatExceptionOfType(ClassCache.Damaged.class)
                .isThrownBy(() -> ClassCache.decode(signed(withInt(content, count, 1_000_000)), "k"))
                .withMessage("it lists 1000000 classes in 18 bytes");
        assertThatExceptionOfType(ClassCache.Damaged.class)
                .isThrownBy(() -> ClassCache.decode(signed(withInt(content, size, 1_000_000)), "k"))
                .withMessage("class a/B.class has 1000000 bytes of 3 left");
        byte[] longer = java.util.Arrays.copyOf(content, content.length + 1);
        assertThatExceptionOfType(ClassCache.Damaged.class)
                .isThrownBy(() -> ClassCache.decode(signed(longer), "k"))
                .withMessage("1 bytes follow its last class");
        assertThat(ClassCache.decode(whole, "k")).containsOnlyKeys("a/B.class");
    }

    private static byte[] withInt(byte[] bytes, int at, int value) {
        byte[] changed = bytes.clone();
        java.nio.ByteBuffer.wrap(changed).putInt(at, value);
        return changed;
    }

    private static byte[] signed(byte[] content) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content);
            byte[] entry = java.util.Arrays.copyOf(content, content.length + digest.length);
            System.arraycopy(digest, 0, entry, content.length, digest.length);
            return entry;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anotherTextOrAnotherNameIsAnotherEntry() throws IOException {
        // GIVEN a rubric compiled with a class cache
        Rubric.loader().classCache(directory).fromString("cached.drl", RULES);

        // WHEN the same text is compiled under another name, and a text that differs by a comment
        RubricLoader renamed = Rubric.loader().classCache(directory);
        renamed.fromString("renamed.drl", RULES);
        RubricLoader edited = Rubric.loader().classCache(directory);
        edited.fromString("cached.drl", RULES + "// edited\n");

        // THEN neither finds the first entry: each compiles and writes its own
        assertThat(renamed.classCache().hits()).isZero();
        assertThat(edited.classCache().hits()).isZero();
        assertThat(entries()).hasSize(3);
    }

    @Test
    void aDamagedEntryIsCompiledAgainAndWrittenAnew() throws IOException {
        // GIVEN an entry with one byte changed in the middle, and another cut short
        Rubric.loader().classCache(directory).fromString("cached.drl", RULES);
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(entry, bytes);

        // WHEN the rubric is compiled again, with each damage in turn
        RubricLoader flipped = Rubric.loader().classCache(directory);
        Scorecard afterFlip = score(flipped.fromString("cached.drl", RULES));
        Files.write(entry, java.util.Arrays.copyOf(Files.readAllBytes(entry), 100));
        RubricLoader truncated = Rubric.loader().classCache(directory);
        Scorecard afterTruncation = score(truncated.fromString("cached.drl", RULES));
        RubricLoader mended = Rubric.loader().classCache(directory);
        mended.fromString("cached.drl", RULES);

        // THEN neither damaged entry was used: the rules were compiled, scored as written, and the entry written
        // anew, which the next compile reads
        assertThat(flipped.classCache().hits()).isZero();
        assertThat(flipped.classCache().writes()).isEqualTo(1);
        assertThat(truncated.classCache().hits()).isZero();
        assertThat(truncated.classCache().writes()).isEqualTo(1);
        assertThat(deductions(afterFlip)).containsExactlyElementsOf(EXPECTED);
        assertThat(deductions(afterTruncation)).containsExactlyElementsOf(EXPECTED);
        assertThat(mended.classCache().hits()).isEqualTo(1);
    }

    @Test
    void anEntryUnderAnotherKeysNameIsNotTaken() throws IOException {
        // GIVEN the entry of one rubric copied to where another's would be
        Rubric.loader().classCache(directory).fromString("cached.drl", RULES);
        Path entry = entries().get(0);
        String other = RULES + "// another\n";
        Gates.Plan plan = Gates.plan(other);
        String compiled = plan == Gates.Plan.NONE ? other : plan.text();
        Files.copy(entry, new ClassCache(directory).key(RubricCompiler.sourcePath("cached.drl"), compiled).file());

        // WHEN the other rubric is compiled
        RubricLoader loader = Rubric.loader().classCache(directory);
        Scorecard card = score(loader.fromString("cached.drl", other));

        // THEN the copy is refused (it holds its own key) and the rubric is compiled
        assertThat(loader.classCache().hits()).isZero();
        assertThat(loader.classCache().writes()).isEqualTo(1);
        assertThat(deductions(card)).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void aCacheThatCannotBeWrittenCostsOnlyTime() throws IOException {
        // GIVEN a cache "directory" that is a file
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

        // WHEN a rubric is compiled with it, twice, THEN it compiles and scores as without a cache; nothing was
        // written or read
        compiledTwiceWithTheCacheOff(file);
    }

    @Test
    void aRubricWithErrorsWritesNothing() throws IOException {
        // GIVEN a rubric whose consequence calls a method Scoring does not have
        String broken = tinyWith("""
                rule "1.2 broken"
                    @item("1")
                when
                    Complaint( verified )
                then
                    score.deductTwice("1", "no such method");
                end
                """);

        // WHEN it is compiled with a class cache
        RubricLoader loader = Rubric.loader().classCache(directory);
        assertThatExceptionOfType(RubricException.class)
                .isThrownBy(() -> loader.fromString("broken.drl", broken));

        // THEN no entry was written
        assertThat(entries()).isEmpty();
    }

    @Test
    void aLoaderTakesOneCache() {
        RubricLoader loader = Rubric.loader().classCache(directory);
        assertThatIllegalStateException().isThrownBy(() -> loader.classCache(directory.resolve("other")))
                .withMessage("class cache was already set to " + directory);
    }

    /** Compiles the rubric twice with a class cache in a directory it cannot use: it scores as written, uncached. */
    private static void compiledTwiceWithTheCacheOff(Path cacheDirectory) {
        RubricLoader loader = Rubric.loader().classCache(cacheDirectory);
        Scorecard card = score(loader.fromString("cached.drl", RULES));
        RubricLoader again = Rubric.loader().classCache(cacheDirectory);
        again.fromString("cached.drl", RULES);
        assertThat(deductions(card)).containsExactlyElementsOf(EXPECTED);
        assertThat(loader.classCache().writes()).isZero();
        assertThat(again.classCache().hits()).isZero();
    }

    private static Scorecard score(Rubric rubric) {
        return rubric.score(rubric.readFacts("branch.yaml", COMPLAINTS));
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".classes")).sorted().toList();
        }
    }
}
