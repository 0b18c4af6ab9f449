package io.github.rubric.rules.batch;

import io.github.rubric.model.result.Scorecard;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.rubric.rules.batch.Branches.json;
import static io.github.rubric.rules.batch.Branches.lineOf;
import static io.github.rubric.rules.batch.Branches.rubric;
import static io.github.rubric.rules.batch.Branches.write;
import static io.github.rubric.rules.batch.Branches.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BatchTest {
    @TempDir
    Path dir;

    @Test
    void scoresEveryFactsFileOfAFolderInFileNameOrder() {
        // GIVEN
        write(dir, "c-branch.yaml", yaml("c", "丙支部", 4, 4, 1, "REVIEW"));
        write(dir, "a-branch.yaml", yaml("a", "甲支部", 3, 4, 0, "REVIEW"));
        write(dir, "b-branch.json", json("b", "乙支部", 4, 2, 0, "REVIEW"));
        write(dir, "notes.txt", "not a facts file");

        // WHEN
        BatchResult result = Batch.of(rubric()).threads(2).score(dir);

        // THEN
        assertThat(result.complete()).isTrue();
        assertThat(result.outcomes()).extracting(Outcome::source).containsExactly(
                dir.resolve("a-branch.yaml").toString(), dir.resolve("b-branch.json").toString(),
                dir.resolve("c-branch.yaml").toString());
        assertThat(result.scorecards()).extracting(card -> card.subject().id()).containsExactly("a", "b", "c");
        assertThat(result.scorecards()).extracting(Scorecard::total)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("97.5"), new BigDecimal("98"), new BigDecimal("90"));
    }

    @Test
    void keepsTheOtherSubjectsWhenOneFailsAndNamesItsFileLineAndField() {
        // GIVEN
        write(dir, "a.yaml", yaml("a", "甲支部", 4, 4, 0, "REVIEW"));
        String broken = yaml("b", "乙支部", 4, 4, 1, "REVIEW").replace("2024-01-05", "2023-12-05");
        Path b = write(dir, "b.yaml", broken);
        write(dir, "c.yaml", yaml("c", "丙支部", 2, 4, 0, "REVIEW"));

        // WHEN
        BatchResult result = Batch.of(rubric()).threads(3).score(dir);

        // THEN
        assertThat(result.complete()).isFalse();
        assertThat(result.scored()).extracting(s -> s.scorecard().subject().id()).containsExactly("a", "c");
        assertThat(result.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.source()).isEqualTo(b.toString());
            assertThat(failed.file()).isEqualTo(b.toString());
            assertThat(failed.path()).isEqualTo("complaints[0].date");
            assertThat(failed.line()).isEqualTo(lineOf(broken, "2023-12-05"));
            assertThat(failed.message()).isEqualTo(b + ":" + failed.line()
                    + ": complaints[0].date: date 2023-12-05 is outside the assessment period 2024-01-01 to 2024-12-31");
        });
        assertThat(result.outcomes()).extracting(Outcome::source).containsExactly(
                dir.resolve("a.yaml").toString(), b.toString(), dir.resolve("c.yaml").toString());
    }

    @Test
    void givesTheSameOutcomesInTheSameOrderWhateverTheThreadCount() {
        // GIVEN
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inputs.add(write(dir, "branch-" + (char) ('a' + (i * 7) % 12) + ".yaml",
                    yaml("b" + i, "支部" + i, i % 5, (i * 3) % 5, i % 3, "REVIEW")));
        }
        inputs.add(write(dir, "broken.yaml", "subject: [unclosed\n"));

        // WHEN
        BatchResult one = Batch.of(rubric()).threads(1).score(inputs);
        BatchResult four = Batch.of(rubric()).threads(4).score(inputs);

        // THEN
        assertThat(four).isEqualTo(one);
        assertThat(four.outcomes()).extracting(Outcome::source)
                .containsExactlyElementsOf(inputs.stream().map(Path::toString).toList());
        assertThat(four.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("broken.yaml:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"branches.yaml", "branches.json"})
    void readsEverySubjectOfAManySubjectsFileAndNamesTheRealLineOfAnError(String name) {
        // GIVEN
        boolean json = name.endsWith(".json");
        String first = json ? json("a", "甲支部", 4, 4, 0, "REVIEW") : yaml("a", "甲支部", 4, 4, 0, "REVIEW");
        String second = (json ? json("b", "乙支部", 3, 4, 1, "REVIEW") : yaml("b", "乙支部", 3, 4, 1, "REVIEW"))
                .replace("2024-03-10", "2024-13-10");
        String third = json ? json("c", "丙支部", 4, 3, 0, "SELF") : yaml("c", "丙支部", 4, 3, 0, "SELF");
        String text = json
                ? "{\n  \"subjects\": [\n" + String.join(",\n", first.strip(), second.strip(), third.strip()) + "\n  ]\n}\n"
                : "# 三个支部\nsubjects:\n" + item(first) + "\n  # 乙\n" + item(second) + item(third);
        Path file = write(dir, name, text);

        // WHEN
        BatchResult result = Batch.of(rubric()).threads(2).score(file);

        // THEN
        String source = file.toString();
        assertThat(result.outcomes()).extracting(Outcome::source)
                .containsExactly(source + "#subjects[0]", source + "#subjects[1]", source + "#subjects[2]");
        assertThat(result.scorecards()).extracting(Scorecard::source)
                .containsExactly(source + "#subjects[0]", source + "#subjects[2]");
        assertThat(result.scorecards()).extracting(Scorecard::round).containsExactly("REVIEW", "SELF");
        assertThat(result.scorecards().get(1).total()).isEqualByComparingTo("99");
        assertThat(result.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.path()).isEqualTo("subjects[1].meetings[2].date");
            assertThat(failed.line()).isEqualTo(lineOf(text, "2024-13-10"));
            assertThat(failed.file()).isEqualTo(source);
            assertThat(failed.message()).startsWith(source + ":" + failed.line() + ": subjects[1].meetings[2].date: ");
        });
    }

    /** A YAML facts file as an element of a block sequence under {@code subjects:}. */
    private static String item(String facts) {
        return facts.lines().map(line -> "    " + line).collect(Collectors.joining("\n", "", "\n"))
                .replaceFirst("^    ", "  - ");
    }

    @Test
    void failsAManySubjectsFileWithAnotherFieldAtThatField() {
        // GIVEN
        Path file = write(dir, "many.yaml", "period: 2024\nsubjects:\n" + item(yaml("a", "甲支部", 4, 4, 0, "REVIEW")));

        // WHEN
        BatchResult result = Batch.of(rubric()).score(file);

        // THEN
        assertThat(result.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.line()).isEqualTo(1);
            assertThat(failed.path()).isEqualTo("period");
            assertThat(failed.message()).isEqualTo(file + ":1: period: unknown field 'period'; a many-subjects file"
                    + " holds only 'subjects', a list of subjects each like a facts file");
        });
    }

    @Test
    void failsTheSecondScorecardOfOneSubjectPeriodAndRound() {
        // GIVEN
        Path first = write(dir, "a1.yaml", yaml("a", "甲支部", 4, 4, 0, "REVIEW"));
        Path second = write(dir, "a2.yaml", yaml("a", "甲支部", 3, 4, 0, "REVIEW"));
        write(dir, "a3.yaml", yaml("a", "甲支部", 3, 4, 0, "SELF"));

        // WHEN
        BatchResult result = Batch.of(rubric()).score(dir);

        // THEN
        assertThat(result.scorecards()).extracting(Scorecard::source)
                .containsExactly(first.toString(), dir.resolve("a3.yaml").toString());
        assertThat(result.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.source()).isEqualTo(second.toString());
            assertThat(failed.path()).isEqualTo("subject.id");
            assertThat(failed.message()).contains("subject 'a' (甲支部) was already scored for 2024-01-01 to 2024-12-31,"
                    + " round REVIEW, from " + first);
        });
    }

    @Test
    void reportsAMissingInputAndAFolderWithoutFactsFiles() {
        // GIVEN
        Path missing = dir.resolve("missing.yaml");
        Path empty = dir.resolve("empty");
        write(empty, "readme.md", "# nothing here");
        Path good = write(dir, "good.yaml", yaml("a", "甲支部", 4, 4, 0, "REVIEW"));

        // WHEN
        BatchResult result = Batch.of(rubric()).score(missing, empty, good);

        // THEN
        assertThat(result.outcomes()).extracting(Outcome::source)
                .containsExactly(missing.toString(), empty.toString(), good.toString());
        assertThat(result.failures()).extracting(Outcome.Failed::message).containsExactly(
                missing + ": no such file or folder",
                empty + ": the folder holds no facts files (*.yaml, *.yml, *.json)");
        assertThat(result.scorecards()).hasSize(1);
    }

    @Test
    void streamsOutcomesInInputOrderAndCountsProgressUpToTheTotal() {
        // GIVEN
        for (int i = 0; i < 6; i++) {
            write(dir, "b" + i + ".yaml", yaml("b" + i, "支部" + i, i % 5, 4, 0, "REVIEW"));
        }
        List<String> streamed = new ArrayList<>();
        List<int[]> updates = new ArrayList<>();

        // WHEN
        BatchResult result = Batch.of(rubric()).threads(3)
                .onEach(outcome -> streamed.add(outcome.source()))
                .progress((done, total) -> updates.add(new int[] {done, total}))
                .score(dir);

        // THEN
        assertThat(streamed).containsExactlyElementsOf(result.outcomes().stream().map(Outcome::source).toList());
        assertThat(updates).extracting(u -> u[0]).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(updates).extracting(u -> u[1]).containsOnly(6);
    }

    @Test
    void refusesAThreadCountBelowOneOrSetTwice() {
        // GIVEN
        Batch batch = Batch.of(rubric());

        // WHEN / THEN
        assertThatThrownBy(() -> batch.threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be at least 1, was 0");
        batch.threads(2);
        assertThatThrownBy(() -> batch.threads(3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("threads was already set to 2");
    }

    @Test
    void anInterruptedBatchKeepsWhatWasScoredAndNamesEverySubjectThatWasNot() {
        // GIVEN twelve branches, and a caller that is interrupted once it has received two outcomes
        List<String> sources = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = String.format("b%02d", i);
            sources.add(write(dir, id + ".yaml", yaml(id, "支部" + i, 4, 4, 0, "REVIEW")).toString());
        }
        java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
        Batch batch = Batch.of(rubric()).threads(1).onEach(outcome -> {
            if (received.incrementAndGet() == 2) {
                Thread.currentThread().interrupt();
            }
        });

        // WHEN the batch is scored
        BatchInterruptedException error = catchThrowableOfType(BatchInterruptedException.class, () -> batch.score(dir));
        boolean stillInterrupted = Thread.interrupted();

        // THEN it stops, keeping every finished outcome and naming every subject not scored, in input order
        assertThat(error).isNotNull();
        assertThat(stillInterrupted).as("the interrupt stays set for the caller").isTrue();
        List<String> scored = error.partial().outcomes().stream().map(Outcome::source).toList();
        assertThat(scored).hasSizeGreaterThanOrEqualTo(2).allSatisfy(s -> assertThat(error.notScored()).doesNotContain(s));
        List<String> all = new java.util.ArrayList<>(scored);
        all.addAll(error.notScored());
        assertThat(all).containsExactlyInAnyOrderElementsOf(sources);
        assertThat(scored).isEqualTo(sources.subList(0, scored.size()));
        assertThat(error.partial().scorecards()).extracting(Scorecard::total)
                .allSatisfy(total -> assertThat(total).isEqualByComparingTo("100"));
        assertThat(error.getMessage()).contains("interrupted after " + scored.size() + " of 12 subjects");
    }

    @Test
    void aRubricReloadedInTheMiddleOfABatchNeverMixesTwoVersionsInOneBatch() throws Exception {
        // GIVEN a watched rubric folder holding version 1, and eight branches
        Path rubrics = java.nio.file.Files.createDirectory(dir.resolve("rubrics"));
        Path facts = java.nio.file.Files.createDirectory(dir.resolve("facts"));
        // (its own package: safe mode, which a watched folder loads in, reserves the library's)
        String v1 = Branches.rubricText().replace("package io.github.rubric.rules.batch.test;", "package branches.test;");
        String v2 = v1.replace("version: \"1\"", "version: \"2\"");
        assertThat(v2).isNotEqualTo(v1);
        java.nio.file.Files.writeString(rubrics.resolve("branch.drl"), v1);
        for (int i = 0; i < 8; i++) {
            write(facts, "b" + i + ".yaml", yaml("b" + i, "支部" + i, 3, 4, 0, "REVIEW"));
        }
        List<String> rejected = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (io.github.rubric.rules.RubricFolder folder = io.github.rubric.rules.RubricFolder.open(rubrics,
                new io.github.rubric.rules.RubricFolder.Listener() {
                    @Override
                    public void rejected(Path file, io.github.rubric.rules.RubricException error) {
                        rejected.add(error.getMessage());
                    }
                })) {
            assertThat(rejected).isEmpty();
            java.util.function.Supplier<io.github.rubric.rules.Rubric> live = folder.live("branch.drl");
            String before = live.get().ref().sha256();
            java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();

            // WHEN version 2 is swapped in while the batch is half done
            BatchResult result = Batch.of(live.get()).threads(2).onEach(outcome -> {
                if (received.incrementAndGet() == 4) {
                    try {
                        java.nio.file.Files.writeString(rubrics.resolve("branch.drl"), v2);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    folder.refresh();
                }
            }).score(facts);

            // THEN every scorecard of that batch is version 1's; the next batch is version 2's
            assertThat(result.scorecards()).hasSize(8).allSatisfy(card -> {
                assertThat(card.rubric().sha256()).isEqualTo(before);
                assertThat(card.rubric().version()).isEqualTo("1");
            });
            assertThat(live.get().ref().version()).isEqualTo("2");
            BatchResult after = Batch.of(live.get()).threads(2).score(facts);
            assertThat(after.scorecards()).allSatisfy(card -> assertThat(card.rubric().version()).isEqualTo("2"));
        }
    }
}
