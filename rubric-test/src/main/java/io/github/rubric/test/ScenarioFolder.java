package io.github.rubric.test;

import io.github.rubric.rules.Rubric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of scenario files: every {@code *.yaml} (or {@code *.yml}) file directly in it, in name order.
 * Subfolders are not scenarios; they may hold the facts files scenarios refer to.
 *
 * <pre>{@code
 * List<ScenarioResult> results = ScenarioFolder.of(Path.of("scenarios/my-rubric")).run(rubric, coverage);
 * }</pre>
 */
public final class ScenarioFolder {
    private final String name;
    private final List<Path> files;

    private ScenarioFolder(String name, List<Path> files) {
        this.name = name;
        this.files = List.copyOf(files);
    }

    /**
     * @param folder a folder on the file system
     * @return its scenario files
     * @throws IllegalArgumentException if the folder does not exist
     */
    public static ScenarioFolder of(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no scenario folder " + folder.toAbsolutePath());
        }
        return new ScenarioFolder(folder.toString(), list(folder));
    }

    /**
     * A folder on the classpath, in a directory or a jar. If several classpath roots hold it, the files of all
     * are taken; of two files with the same name, the one earlier on the classpath. A jar must hold the
     * folder's directory entry, as jars built by Maven or the {@code jar} tool do.
     *
     * @param folder the folder's resource name, such as {@code scenarios/socialaffairs}
     * @return its scenario files
     * @throws IllegalArgumentException if no classpath root holds the folder
     */
    public static ScenarioFolder onClasspath(String folder) {
        String resource = folder.replaceFirst("^/", "").replaceFirst("/$", "");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ScenarioFolder.class.getClassLoader();
        }
        Map<String, Path> byName = new LinkedHashMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(resource);
            for (URL url : Collections.list(roots)) {
                for (Path file : list(path(url, resource))) {
                    byName.putIfAbsent(file.getFileName().toString(), file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list classpath folder " + resource, e);
        }
        if (byName.isEmpty() && !exists(loader, resource)) {
            throw new IllegalArgumentException("no folder '" + resource + "' on the classpath");
        }
        List<Path> files = new ArrayList<>(byName.values());
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return new ScenarioFolder("classpath:" + resource, files);
    }

    private static boolean exists(ClassLoader loader, String resource) {
        return loader.getResource(resource) != null;
    }

    private static Path path(URL url, String resource) {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    return FileSystems.newFileSystem(uri, new HashMap<>()).getPath(resource);
                } catch (FileSystemAlreadyExistsException e) {
                    return FileSystems.getFileSystem(uri).getPath(resource);
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalArgumentException("cannot open classpath folder " + url + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(yaml|yml)"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenario folder " + folder, e);
        }
    }

    /** @return the folder's name as given ({@code classpath:…} for a classpath folder) */
    public String name() {
        return name;
    }

    /** @return the scenario files, in name order */
    public List<Path> files() {
        return files;
    }

    /**
     * Runs every scenario of the folder.
     *
     * @param rubric the rubric to score against, or null to use the rubric each scenario names
     * @param coverage where to record which rules fired, or null
     * @return one result per scenario file, in name order; a file that cannot be read is an error result
     */
    public List<ScenarioResult> run(Rubric rubric, RuleCoverage coverage) {
        Map<String, Rubric> own = new HashMap<>();
        List<ScenarioResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(run(file, rubric, coverage, own));
        }
        return results;
    }

    static ScenarioResult run(Path file, Rubric rubric, RuleCoverage coverage, Map<String, Rubric> loaded) {
        Scenario scenario;
        try {
            scenario = Scenario.read(file);
        } catch (RuntimeException e) {
            return ScenarioResult.unreadable(file, e);
        }
        Rubric against;
        try {
            against = rubric != null ? rubric
                    : loaded.computeIfAbsent(scenario.rubric().orElse("") + "@" + file.getParent(),
                    k -> scenario.loadOwnRubric());
        } catch (RuntimeException e) {
            return new ScenarioResult(scenario, null, null, ScenarioCheck.Outcome.NONE, e);
        }
        ScenarioResult result = scenario.run(against);
        if (coverage != null) {
            coverage.record(against, scenario.name(), result.evaluation().orElse(null));
        }
        return result;
    }

    @Override
    public String toString() {
        return "ScenarioFolder[" + name + ", " + files.size() + " files]";
    }
}
