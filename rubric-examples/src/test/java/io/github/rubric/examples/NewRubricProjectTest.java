package io.github.rubric.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.test.ScenarioFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a rubric author can start a rubric from scratch in a project of their own: it generates a tiny
 * Maven project in a temporary folder that depends on {@code rubric-rules} and {@code rubric-test} (scope test),
 * holds the template rubric and its scenarios, and builds it with Maven.
 *
 * <p>It runs Maven three times, so it is off by default; enable it with {@code -Drubric.it.maven=true} (the CI
 * script does). It never touches the shared local repository: it packages a copy of this project's sources and
 * lays the artifacts out in a private repository under the temporary folder, made of hard links to the shared
 * repository's jars and copies of everything else (so Maven's metadata writes stay private), and builds
 * offline against it. The shared repository must already hold the plugins and libraries a build of this project
 * uses (any earlier {@code mvn verify} leaves them there).
 */
@EnabledIfSystemProperty(named = "rubric.it.maven", matches = "true")
class NewRubricProjectTest {
    private static final Set<String> SKIPPED_DIRS = Set.of("target", ".git", ".idea");

    @TempDir
    Path temp;

    @Test
    void a_new_project_with_the_template_rubric_builds_its_scenarios_and_fails_on_a_wrong_one() throws Exception {
        // GIVEN this project's artifacts in a private local repository
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("rubric-test/pom.xml")).as("the reactor root").exists();
        Path repo = temp.resolve("repo");
        privateRepository(sharedRepository(), repo);
        Path source = temp.resolve("source");
        copyTree(root, source);
        Run packaged = maven(source, repo, "package", "-DskipTests", "-pl", "rubric-test", "-am");
        assertThat(packaged.code).as("packaging a copy of this project:%n%s", packaged.tail()).isZero();
        String version = install(source, repo);

        // AND a new project holding the template rubric and its scenarios
        Path app = temp.resolve("my-rubric");
        newProject(app, version);

        // WHEN
        Run build = maven(app, repo, "test");

        // THEN its scenarios and assertions run and pass, with full rule coverage
        assertThat(build.code).as("building the new project:%n%s", build.tail()).isZero();
        assertThat(build.output).contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0")
                .contains("9 of 9 rules fired (100 %) in 3 scenarios");

        // WHEN a scenario expects the wrong total
        Path scenario = app.resolve("src/test/resources/scenarios/branch-assessment/branch-with-shortfalls.yaml");
        Files.writeString(scenario, Files.readString(scenario).replace("  total: 8 ", "  total: 9 "));
        Run failing = maven(app, repo, "test");

        // THEN the build fails and says why
        assertThat(failing.code).as(failing.tail()).isNotZero();
        assertThat(failing.output).contains("branch-with-shortfalls.yaml:").contains("total: expected 9, was 8")
                .contains("Tests run: 4, Failures: 1");
    }

    private static Path sharedRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * Jars are hard-linked (Maven never rewrites an artifact it did not install), everything else is copied,
     * and this project's own artifacts are left out, so that nothing written here reaches the shared repository.
     */
    private static void privateRepository(Path shared, Path repo) throws IOException {
        Path own = shared.resolve("io/github/rubric");
        try (Stream<Path> files = Files.walk(shared)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.startsWith(own)) {
                    continue;
                }
                Path target = repo.resolve(shared.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (file.toString().endsWith(".jar")) {
                    try {
                        Files.createLink(target, file);
                    } catch (FileSystemException | UnsupportedOperationException e) {
                        Files.copy(file, target);
                    }
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /**
     * Lays the packaged artifacts out as a local repository holds them. Done by hand rather than with
     * {@code mvn install}, whose plugin an offline CI machine may not have.
     *
     * @return the project's version
     */
    private static String install(Path source, Path repo) throws IOException {
        Matcher m = Pattern.compile("<artifactId>rubric-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(source.resolve("pom.xml")));
        assertThat(m.find()).as("the parent pom's version").isTrue();
        String version = m.group(1);
        place(source.resolve("pom.xml"), repo, "rubric-parent", version, "pom");
        for (String module : List.of("rubric-model", "rubric-rules", "rubric-test")) {
            place(source.resolve(module + "/pom.xml"), repo, module, version, "pom");
            place(source.resolve(module + "/target/" + module + "-" + version + ".jar"), repo, module, version, "jar");
        }
        return version;
    }

    private static void place(Path file, Path repo, String artifact, String version, String extension)
            throws IOException {
        Path target = repo.resolve("io/github/rubric/" + artifact + "/" + version + "/" + artifact + "-" + version + "."
                + extension);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                boolean skipped = false;
                for (Path part : relative) {
                    skipped |= SKIPPED_DIRS.contains(part.toString());
                }
                if (skipped) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void newProject(Path app, String version) throws IOException {
        write(app.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>my-rubric</artifactId>
                  <version>1.0-SNAPSHOT</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <rubric.version>@VERSION@</rubric.version>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>io.github.rubric</groupId>
                      <artifactId>rubric-rules</artifactId>
                      <version>${rubric.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>io.github.rubric</groupId>
                      <artifactId>rubric-test</artifactId>
                      <version>${rubric.version}</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version>
                      </plugin>
                      <plugin>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.2</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.replace("@VERSION@", version));
        write(app.resolve("src/main/resources/rubrics/branch-assessment.drl"),
                resource("io/github/rubric/examples/template/template.drl"));
        for (Path scenario : ScenarioFolder.onClasspath("scenarios/template").files()) {
            write(app.resolve("src/test/resources/scenarios/branch-assessment/" + scenario.getFileName()),
                    Files.readString(scenario));
        }
        write(app.resolve("src/test/java/org/example/BranchAssessmentTest.java"), """
                package org.example;

                import static io.github.rubric.test.RubricAssertions.assertThat;

                import io.github.rubric.rules.Rubric;
                import io.github.rubric.test.RubricScenarios;
                import io.github.rubric.test.RuleCoverage;
                import java.util.stream.Stream;
                import org.junit.jupiter.api.AfterAll;
                import org.junit.jupiter.api.DynamicTest;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.api.TestFactory;

                class BranchAssessmentTest {
                    static final Rubric RUBRIC = Rubric.fromClasspath("rubrics/branch-assessment.drl");
                    static final RuleCoverage COVERAGE = new RuleCoverage();

                    @TestFactory
                    Stream<DynamicTest> scenarios() {
                        return RubricScenarios.from(RUBRIC, "scenarios/branch-assessment", COVERAGE);
                    }

                    @Test
                    void a_branch_without_a_work_summary_loses_two_points_on_item_3() {
                        var facts = RUBRIC.readFacts("inline.yaml", \"""
                                subject: { kind: organization, id: b, name: 支部, type: PARTY_BRANCH }
                                period: 2025
                                documents: [ { kind: WORK_PLAN, complete: true } ]
                                judgements: [ { item: "5", grade: 较好 } ]
                                \""");
                        assertThat(RUBRIC.score(facts)).item("3").hasScore("2").hasDeductionMatching("无工作总结", "2");
                    }

                    @AfterAll
                    static void every_rule_fired() {
                        System.out.print(COVERAGE.report());
                        COVERAGE.requireAtLeast(100);
                    }
                }
                """);
    }

    private record Run(int code, String output) {
        String tail() {
            List<String> lines = output.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        }
    }

    private static Run maven(Path dir, Path repo, String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn(), "-B", "-o", "-Dmaven.repo.local=" + repo));
        command.addAll(List.of(goals));
        Path log = Files.createTempFile(dir.getParent(), "maven", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("Maven did not finish in 20 minutes in " + dir);
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    private static String mvn() {
        String home = System.getProperty("maven.home", System.getenv("MAVEN_HOME"));
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static String resource(String name) {
        try (InputStream in = NewRubricProjectTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
