package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class path as rubrics are compiled against it: misses remembered once, answered at once. */
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
    void answersARepeatedMissWithoutAStackTrace() {
        // GIVEN
        ClassPathCache cache = new ClassPathCache(new Asked());
        assertThatThrownBy(() -> cache.loadClass("java.lang.date")).isInstanceOf(ClassNotFoundException.class);

        // WHEN / THEN
        assertThatThrownBy(() -> cache.loadClass("java.lang.date"))
                .isInstanceOf(ClassPathCache.Missing.class)
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void isTheContextClassLoaderWhileARubricCompilesAndOnlyThen() {
        // GIVEN the JVM's application class loader as the thread's context class loader
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            // WHEN / THEN
            ClassLoader during = ClassPathCache.during(thread::getContextClassLoader);
            assertThat(during).isInstanceOf(ClassPathCache.class)
                    .extracting(ClassLoader::getParent).isSameAs(ClassLoader.getSystemClassLoader());
            assertThat(thread.getContextClassLoader()).isSameAs(ClassLoader.getSystemClassLoader());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void leavesAnyOtherContextClassLoaderAsItIs() throws Exception {
        // GIVEN a context class loader that may gain classes later (a plugin system's, say)
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader plugins = new URLClassLoader(new URL[0], ClassLoader.getSystemClassLoader())) {
            thread.setContextClassLoader(plugins);

            // WHEN / THEN
            assertThat(ClassPathCache.during(thread::getContextClassLoader)).isSameAs(plugins);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void putsTheContextClassLoaderBackWhenACompilationFails() {
        // GIVEN
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            // WHEN
            assertThatThrownBy(() -> ClassPathCache.during(() -> {
                throw new IllegalStateException("broken rules");
            })).hasMessage("broken rules");

            // THEN
            assertThat(thread.getContextClassLoader()).isSameAs(ClassLoader.getSystemClassLoader());
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
