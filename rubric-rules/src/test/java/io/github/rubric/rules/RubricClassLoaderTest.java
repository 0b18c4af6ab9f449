package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.result.Scorecard;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Each rubric's class loader answers names the class path does not have from a negative cache shared by all
 * rubrics, and still finds the classes it defines itself.
 */
class RubricClassLoaderTest {

    @Test
    void aNameTheClassPathDoesNotHaveIsAnsweredFromTheSharedCacheOnceItFailed() {
        // GIVEN two rubric class loaders and a name no class has
        RubricClassLoader first = RubricClassLoader.create();
        RubricClassLoader second = RubricClassLoader.create();
        String name = "io.github.rubric.nosuch.Missing" + System.nanoTime();

        // WHEN the first is asked for it twice, and then the second
        Throwable once = catchThrowable(() -> first.loadClass(name));
        Throwable twice = catchThrowable(() -> first.loadClass(name));
        Throwable other = catchThrowable(() -> second.loadClass(name));

        // THEN the first lookup went through Drools' loader, the others were answered from the cache
        assertThat(once).isInstanceOf(ClassNotFoundException.class).isNotInstanceOf(ClassPathCache.Missing.class);
        assertThat(twice).isInstanceOf(ClassPathCache.Missing.class).hasMessage(name);
        assertThat(other).isInstanceOf(ClassPathCache.Missing.class);
        assertThat(second.missingNames()).isEqualTo(first.missingNames()).isPositive();
    }

    @Test
    void whatTheParentLacksIsNotFoundWithoutTheStackTraceOfTheCompilation() {
        // GIVEN a rubric class loader, which defines nothing through findClass
        RubricClassLoader loader = RubricClassLoader.create();

        // WHEN / THEN java.lang.ClassLoader's last resort answers as its default does, without a stack trace
        assertThatThrownBy(() -> loader.findClass("io.github.rubric.nosuch.Type"))
                .isInstanceOf(ClassNotFoundException.class)
                .hasMessage("io.github.rubric.nosuch.Type")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void classesOnTheClassPathStillLoad() throws Exception {
        // GIVEN a rubric class loader

        // WHEN it is asked for a fact class of the library
        Class<?> meeting = RubricClassLoader.create().loadClass(Meeting.class.getName());

        // THEN it is the application's class
        assertThat(meeting).isSameAs(Meeting.class);
    }

    @Test
    void twoRubricsDeclaringTheSameTypeNameEachScoreWithTheirOwnDeclaration() {
        // GIVEN two rubrics in the same package, each declaring a Counter of its own, compiled one after the other
        // with the same negative cache (so the name tiny.Counter, looked up before it was declared, is in it)
        Rubric counted = Rubric.fromString("counted.drl", TestRubrics.tinyWith("""
                rule "1 a counter below four"
                    @item("1")
                when
                    Counter( n < 4 )
                then
                    score.deduct("1", "counter below four, {points} point off");
                end
                """));
        Rubric labelled = Rubric.fromString("labelled.drl", TestRubrics.TINY.replace("    n : int", "    label : String")
                + """

                rule "1 a counter labelled bad"
                    @item("1")
                when
                    Counter( label == "bad" )
                then
                    score.deduct("2", "bad counter, {points} points off");
                end
                """);
        Rubric countedAgain = Rubric.fromString("counted.drl", TestRubrics.tinyWith("""
                rule "1 a counter below four"
                    @item("1")
                when
                    Counter( n < 4 )
                then
                    score.deduct("1", "counter below four, {points} point off");
                end
                """));

        // WHEN each scores a record of its own Counter
        Scorecard first = counted.score(counted.readFacts("a.yaml", TestRubrics.FACTS + """
                records:
                  Counter:
                    - { n: 1 }
                """));
        Scorecard second = labelled.score(labelled.readFacts("b.yaml", TestRubrics.FACTS + """
                records:
                  Counter:
                    - { label: bad }
                """));
        Scorecard third = countedAgain.score(countedAgain.readFacts("c.yaml", TestRubrics.FACTS + """
                records:
                  Counter:
                    - { n: 1 }
                """));

        // THEN each found its own type and its rule fired
        assertThat(counted.declaredType("Counter").fields()).extracting(DeclaredType.Field::name).containsExactly("n");
        assertThat(labelled.declaredType("Counter").fields()).extracting(DeclaredType.Field::name).containsExactly("label");
        assertThat(first.total()).isEqualByComparingTo("9");
        assertThat(second.total()).isEqualByComparingTo("8");
        assertThat(third.total()).isEqualByComparingTo("9");
    }

    @Test
    void theRulesAndTheKnowledgeBaseShareOneClassLoaderSoADeclaredTypeIsDefinedOnce() {
        // GIVEN a compiled rubric that declares a type
        Rubric rubric = Rubric.fromString("tiny.drl", TestRubrics.TINY);

        // WHEN its knowledge base's class loader and its declared type's are compared
        ClassLoader root = ((InternalKnowledgeBase) rubric.kieBase()).getRootClassLoader();
        ClassLoader declaredBy = rubric.kieBase().getFactType("tiny", "Counter").getFactClass().getClassLoader();

        // THEN the knowledge base uses the rubric's loader, whose types loader defined the type
        assertThat(root).isInstanceOf(RubricClassLoader.class);
        assertThat(declaredBy).isSameAs(((ProjectClassLoader) root).getTypesClassLoader());
    }

    @Test
    void rulesTestingADeclaredEnumFieldAgainstSeveralConstantsMatchTheRecordsReadFromTheFacts() {
        // GIVEN a rubric whose rules test one declared enum field against three constants (Drools then indexes
        // those tests by constant, so the rules' constants and the facts' values must be the same enum class)
        Rubric rubric = Rubric.fromString("levels.drl", TestRubrics.tinyWith("""
                declare enum Level
                    CITY, PROVINCE, NATION;
                end
                declare Honour
                    level : Level
                end
                rule "1.2 a city award"
                    @item("1")
                when
                    Honour( level == Level.CITY )
                then
                    score.deduct("1", "city, {points}");
                end
                rule "1.3 a province award"
                    @item("1")
                when
                    Honour( level == Level.PROVINCE )
                then
                    score.deduct("2", "province, {points}");
                end
                rule "1.4 a national award"
                    @item("1")
                when
                    Honour( level == Level.NATION )
                then
                    score.deduct("3", "nation, {points}");
                end
                """));

        // WHEN a subject with a province and a national award is scored
        Scorecard card = rubric.score(rubric.readFacts("awards.yaml", TestRubrics.FACTS + """
                records:
                  Honour:
                    - { level: PROVINCE }
                    - { level: NATION }
                """));

        // THEN exactly those two rules fired
        assertThat(card.item("1").orElseThrow().deductions()).extracting(d -> d.reason())
                .containsExactlyInAnyOrder("province, 2", "nation, 3");
    }
}
