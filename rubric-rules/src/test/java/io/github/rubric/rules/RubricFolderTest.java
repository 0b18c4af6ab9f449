package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubricFolderTest {
    private static final String BROKEN = TinyRubric.text("3", "1").replace("@item(\"2\")", "@item(\"99\")");

    @TempDir
    Path folder;

    /** Collects what the folder reports, as "loaded tiny.drl 2", "rejected tiny.drl", "removed tiny.drl". */
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final RubricFolder.Listener listener = new RubricFolder.Listener() {
        @Override
        public void loaded(Path file, Rubric rubric) {
            events.add("loaded " + file.getFileName() + " " + rubric.definition().version());
        }

        @Override
        public void rejected(Path file, RubricException error) {
            events.add("rejected " + file.getFileName() + ": " + error.getMessage());
        }

        @Override
        public void removed(Path file) {
            events.add("removed " + file.getFileName());
        }
    };

    @Test
    void loads_every_rubric_file_of_the_folder_when_opened() throws IOException {
        // GIVEN
        write("tiny.drl", TinyRubric.text("1", "1"));
        write("notes.txt", "not a rubric");

        // WHEN
        try (RubricFolder rubrics = RubricFolder.open(folder, listener)) {
            // THEN
            assertThat(rubrics.rubrics()).containsOnlyKeys("tiny.drl");
            assertThat(rubrics.rubric("tiny.drl")).hasValueSatisfying(r -> assertThat(r.definition().version()).isEqualTo("1"));
            assertThat(events).containsExactly("loaded tiny.drl 1");
        }
    }

    @Test
    void a_changed_file_is_swapped_in_and_a_broken_one_leaves_the_last_good_version_in_service() throws Exception {
        // GIVEN a watched folder with version 1 in service
        write("tiny.drl", TinyRubric.text("1", "1"));
        try (RubricFolder rubrics = RubricFolder.open(folder, listener).watch()) {
            Supplier<Rubric> live = rubrics.live("tiny.drl");
            assertThat(next()).isEqualTo("loaded tiny.drl 1");

            // WHEN the author saves version 2
            write("tiny.drl", TinyRubric.text("2", "1.5"));

            // THEN it is in service
            assertThat(next()).isEqualTo("loaded tiny.drl 2");
            assertThat(live.get().definition().version()).isEqualTo("2");

            // WHEN the author saves a file that does not load
            write("tiny.drl", BROKEN);

            // THEN the error is reported and version 2 stays in service
            assertThat(next()).startsWith("rejected tiny.drl: ").contains("scores item '99', which the rubric header does not declare");
            assertThat(live.get().definition().version()).isEqualTo("2");
            assertThat(rubrics.rubric("tiny.drl").orElseThrow().definition().version()).isEqualTo("2");
        }
    }

    @Test
    void refresh_picks_up_changes_without_watching_and_ignores_unchanged_content() throws IOException {
        // GIVEN
        write("tiny.drl", TinyRubric.text("1", "1"));
        try (RubricFolder rubrics = RubricFolder.open(folder, listener)) {
            events.clear();

            // WHEN nothing changed, then a second rubric appears
            rubrics.refresh();
            write("other.drl", TinyRubric.text("7", "1"));
            rubrics.refresh();

            // THEN only the new file was loaded
            assertThat(events).containsExactly("loaded other.drl 7");
            assertThat(rubrics.rubrics()).containsOnlyKeys("other.drl", "tiny.drl");
        }
    }

    @Test
    void a_deleted_file_is_reported_and_its_last_version_stays_in_service() throws IOException {
        // GIVEN
        write("tiny.drl", TinyRubric.text("1", "1"));
        try (RubricFolder rubrics = RubricFolder.open(folder, listener)) {
            events.clear();

            // WHEN
            Files.delete(folder.resolve("tiny.drl"));
            rubrics.refresh();

            // THEN
            assertThat(events).containsExactly("removed tiny.drl");
            assertThat(rubrics.rubric("tiny.drl")).isPresent();
        }
    }

    @Test
    void a_file_that_never_loaded_is_not_in_service() throws IOException {
        // GIVEN
        write("broken.drl", BROKEN);

        // WHEN
        try (RubricFolder rubrics = RubricFolder.open(folder, listener)) {
            // THEN
            assertThat(events).singleElement().asString().startsWith("rejected broken.drl");
            assertThat(rubrics.rubric("broken.drl")).isEmpty();
            assertThatThrownBy(() -> rubrics.live("broken.drl").get()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("broken.drl has not loaded");
        }
    }

    private void write(String name, String text) throws IOException {
        // write to a temporary name and move, as editors do, so the watcher never sees half a file
        Path tmp = folder.resolve(name + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, folder.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private String next() throws InterruptedException {
        String event = events.poll(60, TimeUnit.SECONDS);
        assertThat(event).as("an event from the folder within 60 s").isNotNull();
        return event;
    }
}
