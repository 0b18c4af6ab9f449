package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.compiler.compiler.PackageRegistry;
import org.drools.mvel.java.JavaDialect;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileReader;
import org.junit.jupiter.api.Test;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The rules' Java is compiled by {@link EcjCompiler} exactly as Drools' own Eclipse compiler compiles it (the same
 * class files, the same problems), with the class path's class files read once for all rubrics.
 */
class EcjCompilerTest {
    /** The tiny rubric with a function and a rule whose consequence calls it, as two compilations compile them. */
    private static final String WITH_FUNCTION = TestRubrics.tinyWith("""
            function String spelled(int n) {
                return n == 1 ? "one" : java.util.List.of("none", "one", "many").get(Math.min(n, 2));
            }

            rule "1 counters named"
                @item("1")
            when
                $c : Counter( n > 2 )
            then
                score.deduct("1", "counter " + spelled($c.getN()), $c);
            end
            """);

    @Test
    void aRubricBuiltByTheCompilerCompilesItsJavaWithThisCompiler() {
        // GIVEN a rubric's rules as the rubric compiler builds them
        KnowledgeBuilder builder = RubricCompiler.build(RubricSource.of("tiny.drl", WITH_FUNCTION), null).builder();

        // WHEN its Java dialect is looked at
        JavaDialect dialect = javaDialect(builder);

        // THEN it compiles with this compiler, and the rules built
        assertThat(builder.getErrors()).isEmpty();
        assertThat(EcjCompiler.compilesWithThis(dialect)).isTrue();
    }

    @Test
    void theClassFilesAreThoseDroolsOwnCompilerWrites() {
        // GIVEN the same rules built with Drools' compiler and with this one
        KnowledgeBuilder drools = build(WITH_FUNCTION, false);
        KnowledgeBuilder ours = build(WITH_FUNCTION, true);

        // WHEN their compiled classes are compared
        Map<String, byte[]> expected = classes(drools);
        Map<String, byte[]> actual = classes(ours);

        // THEN both compiled the function and the rule to the same bytes
        assertThat(EcjCompiler.compilesWithThis(javaDialect(drools))).isFalse();
        assertThat(actual.keySet()).isEqualTo(expected.keySet())
                .anyMatch(name -> name.contains("Spelled"))
                .anyMatch(name -> name.contains("Rule_"));
        expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void aConsequenceThatDoesNotCompileIsReportedAsDroolsReportsIt() {
        // GIVEN a consequence calling a method no class has, built with Drools' compiler and with this one
        String broken = TestRubrics.tinyWith("""
                rule "1 broken"
                    @item("1")
                when
                    $c : Counter( n > 2 )
                then
                    score.noSuchMethod("1", $c);
                end
                """);

        // WHEN both report their problems
        List<String> expected = errors(build(broken, false));
        List<String> actual = errors(build(broken, true));

        // THEN the problems are the same, naming the method and the rule
        assertThat(actual).isEqualTo(expected).hasSize(1);
        assertThat(actual.get(0)).contains("noSuchMethod").contains("1 broken");
    }

    @Test
    void theClassPathsClassFilesAreReadOnceForAllRubrics() {
        // GIVEN one rubric compiled
        build(WITH_FUNCTION, true);
        Map<String, Object> shared = RubricClassLoader.create().classFiles();
        Set<String> before = new HashSet<>(shared.keySet());

        // WHEN another rubric, in a package of its own, is compiled with the same class path, and then again with a
        // rule changed (its rule class has another name)
        String again = WITH_FUNCTION.replace("package tiny;", "package tiny.again;");
        build(again, true);
        build(again.replace("\"counter \"", "\"counted \""), true);

        // THEN the class path's classes the compiler asked for were kept decoded, and none was read again; nothing
        // of the rubrics' own packages was kept, so that rubrics compiled one after another do not fill the map
        assertThat(shared.get("java.lang.Object")).isInstanceOf(ClassFileReader.class);
        assertThat(shared.get(Scoring.class.getName())).isInstanceOf(ClassFileReader.class);
        Set<String> added = new HashSet<>(shared.keySet());
        added.removeAll(before);
        assertThat(added).noneMatch(name -> name.startsWith("tiny.again"))
                .noneMatch(name -> shared.get(name) instanceof ClassFileReader);
        assertThat(shared.keySet()).noneMatch(name -> name.startsWith("tiny.") && name.contains("Rule_"));
    }

    /** Builds a DRL text in a rubric class loader, with this compiler or Drools' own. */
    private static KnowledgeBuilder build(String drl, boolean withThisCompiler) {
        KnowledgeBuilderConfiguration configuration =
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, RubricClassLoader.create());
        if (withThisCompiler) {
            EcjCompiler.DialectConfiguration.install(configuration.as(KnowledgeBuilderConfigurationImpl.KEY));
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        builder.add(ResourceFactory.newReaderResource(new StringReader(drl)).setSourcePath("tiny.drl"),
                ResourceType.DRL);
        return builder;
    }

    private static PackageRegistry registry(KnowledgeBuilder builder) {
        KnowledgeBuilderImpl impl = (KnowledgeBuilderImpl) builder;
        return impl.getPackageRegistry().values().stream()
                .filter(registry -> registry.getPackage().getName().startsWith("tiny"))
                .findFirst().orElseThrow();
    }

    private static JavaDialect javaDialect(KnowledgeBuilder builder) {
        return (JavaDialect) registry(builder).getDialectCompiletimeRegistry().getDialect(JavaDialect.ID);
    }

    private static Map<String, byte[]> classes(KnowledgeBuilder builder) {
        JavaDialectRuntimeData data = (JavaDialectRuntimeData) registry(builder).getPackage()
                .getDialectRuntimeRegistry().getDialectData(JavaDialect.ID);
        return new TreeMap<>(data.getStore());
    }

    private static List<String> errors(KnowledgeBuilder builder) {
        return builder.getErrors().stream().map(KnowledgeBuilderError::toString).toList();
    }
}
