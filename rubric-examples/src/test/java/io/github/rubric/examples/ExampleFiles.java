package io.github.rubric.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rubrics this module bundles, found on the classpath: every {@code .drl} file under
 * {@code io/github/rubric/examples/}. A rubric added there is covered by the tests that use this list without
 * being named anywhere.
 */
final class ExampleFiles {
    static final String ROOT = "io/github/rubric/examples";

    private ExampleFiles() {
    }

    /** @return the classpath names of the rubric files on the test classpath (test data included), sorted */
    static List<String> all() {
        return rubricFiles(roots());
    }

    /**
     * @return the classpath names of the rubric files this module ships (its main resources), sorted; test data
     *     such as the made-up 2025 edition of seed 000 is left out
     */
    static List<String> bundled() {
        Path testOutput = testOutput();
        return rubricFiles(roots().stream()
                .filter(root -> testOutput == null || !root.startsWith(testOutput)).toList());
    }

    private static List<String> rubricFiles(List<Path> roots) {
        List<String> names = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".drl"))
                        .map(f -> ROOT + "/" + root.relativize(f).toString().replace('\\', '/'))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names.stream().distinct().sorted().toList();
    }

    /** @return the folder this module's test classes and test resources are loaded from, or null if not a folder */
    private static Path testOutput() {
        try {
            URL location = ExampleFiles.class.getProtectionDomain().getCodeSource().getLocation();
            return location.getProtocol().equals("file") ? Path.of(location.toURI()) : null;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param rubric a bundled rubric's classpath name
     * @return the example facts files in the {@code facts} folder beside it, sorted
     */
    static List<Path> exampleFacts(String rubric) {
        List<Path> found = new ArrayList<>();
        for (Path root : roots()) {
            Path folder = root.resolve(rubric.substring(ROOT.length() + 1)).getParent().resolve("facts");
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json")).forEach(found::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return found.stream().sorted().toList();
    }

    /** The folders holding {@link #ROOT} on the test classpath: this module's classes and test classes. */
    private static List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        try {
            for (URL url : Collections.list(ExampleFiles.class.getClassLoader().getResources(ROOT))) {
                if (url.getProtocol().equals("file")) {
                    roots.add(Path.of(url.toURI()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return roots;
    }
}
