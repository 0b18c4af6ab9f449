package io.github.rubric.rules;

import static io.github.rubric.rules.TestRubrics.FACTS;
import static io.github.rubric.rules.TestRubrics.tinyWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.model.result.Scorecard;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class path as rubrics are compiled against it: misses remembered, the rubric's own classes its own. */
class ClassPathCacheTest {
    /** Tells what it was asked; has nothing but what its own parent has. */
    private static final class Asked extends ClassLoader {
        final List<String> names = new ArrayList<>();

        Asked() {
            super(ClassPathCacheTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            names.add(name);
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            names.add(name);
            return super.getResource(name);
        }
    }

    @Test
    void asksTheClassPathForAMissingClassOnce() {
        // GIVEN
        Asked classPath = new Asked();
        ClassPathCache cache = new ClassPathCache(classPath);

        // WHEN the same missing name is asked for twice
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.loadClass("java.lang.Meeting"))
                    .isInstanceOf(ClassNotFoundException.class)
                    .hasMessage("java.lang.Meeting");
        }

        // THEN the class path was asked once
        assertThat(classPath.names).containsExactly("java.lang.Meeting");
        assertThat(cache.remembered()).isEqualTo(1);
    }

    @Test
    void asksTheClassPathForAClassItHasEveryTime() throws ClassNotFoundException {
        // GIVEN
        Asked classPath = new Asked();
        ClassPathCache cache = new ClassPathCache(classPath);

        // WHEN / THEN a class that exists is the class path's own, and nothing is remembered of it
        assertThat(cache.loadClass(Scoring.class.getName())).isSameAs(Scoring.class);
        assertThat(cache.loadClass(Scoring.class.getName())).isSameAs(Scoring.class);
        assertThat(classPath.names).hasSize(2);
        assertThat(cache.remembered()).isZero();
    }

    @Test
    void asksTheClassPathForAMissingResourceOnce() {
        // GIVEN
        Asked classPath = new Asked();
        ClassPathCache cache = new ClassPathCache(classPath);

        // WHEN
        URL first = cache.getResource("java/lang/Meeting.class");
        URL second = cache.getResource("java/lang/Meeting.class");
        URL present = cache.getResource("io/github/rubric/rules/Scoring.class");

        // THEN
        assertThat(first).isNull();
        assertThat(second).isNull();
        assertThat(present).isNotNull();
        assertThat(classPath.names).containsExactly("java/lang/Meeting.class", "io/github/rubric/rules/Scoring.class");
    }

    @Test
    void frontsOnlyTheJvmsOwnClassLoaders() throws Exception {
        // GIVEN a class loader that may gain classes later (any other than the JVM's own)
        try (URLClassLoader plugins = new URLClassLoader(new URL[0], ClassLoader.getSystemClassLoader())) {
            // WHEN / THEN
            assertThat(ClassPathCache.before(ClassLoader.getSystemClassLoader()))
                    .isInstanceOf(ClassPathCache.class)
                    .extracting(ClassLoader::getParent).isSameAs(ClassLoader.getSystemClassLoader());
            assertThat(ClassPathCache.before(ClassLoader.getPlatformClassLoader()))
                    .isInstanceOf(ClassPathCache.class)
                    .extracting(ClassLoader::getParent).isSameAs(ClassLoader.getPlatformClassLoader());
            assertThat(ClassPathCache.before(plugins)).isSameAs(plugins);
        }
    }

    @Test
    void givesEachRubricItsOwnDeclaredRecordsOfTheSameName() {
        // GIVEN two rubrics in one package, each declaring a record `Score` with a different field, compiled one
        // after the other (the first one's lookups of `tiny.Score` on the class path are remembered as missing)
        Rubric byCount = Rubric.fromString("by-count.drl", tinyWith("""
                declare Score
                    count : int
                end
                rule "1.2 a low count"
                    @item("1")
                when
                    Score( count < 3 )
                then
                    score.deduct("2", "count below 3, {points} points");
                end
                """));
        Rubric byLabel = Rubric.fromString("by-label.drl", tinyWith("""
                declare Score
                    label : String
                end
                rule "1.2 a bad label"
                    @item("1")
                when
                    Score( label == "bad" )
                then
                    score.deduct("3", "label bad, {points} points");
                end
                """));

        // WHEN each scores its own record
        Scorecard counted = byCount.score(byCount.readFacts("count.yaml", FACTS + "records:\n  Score:\n    - { count: 1 }\n"));
        Scorecard labelled = byLabel.score(byLabel.readFacts("label.yaml", FACTS + "records:\n  Score:\n    - { label: bad }\n"));

        // THEN
        assertThat(counted.item("1").orElseThrow().deductions()).extracting(d -> d.reason())
                .containsExactly("count below 3, 2 points");
        assertThat(labelled.item("1").orElseThrow().deductions()).extracting(d -> d.reason())
                .containsExactly("label bad, 3 points");
    }
}
