package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.result.Scorecard;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.io.ByteArrayResource;
import org.junit.jupiter.api.Test;

/** What a compiled rubric does not keep a copy of, and that it still scores without it. */
class CompiledRubricHeapTest {

    @Test
    void aDeclaredTypeKeepsNoByteCopyOfTheRubricFileAndTheRubricStillScoresIt() {
        // GIVEN a rubric declaring Counter and scoring a record of it
        Rubric rubric = Rubric.fromString("counted.drl", TestRubrics.tinyWith("""
                rule "1 a counter below four"
                    @item("1")
                when
                    Counter( n < 4 )
                then
                    score.deduct("1", "counter below four, {points} point off");
                end
                """));

        // WHEN its declared type's resource is looked at and a record is scored
        var declaration = ((InternalKnowledgePackage) rubric.kieBase().getKiePackage("tiny")).getTypeDeclaration("Counter");
        Scorecard card = rubric.score(rubric.readFacts("a.yaml", TestRubrics.FACTS + """
                records:
                  Counter:
                    - { n: 1 }
                """));

        // THEN the resource is not a byte array of the file, and the rule fired
        assertThat(declaration.getResource()).isNotNull().isNotInstanceOf(ByteArrayResource.class);
        assertThat(declaration.getResource().getSourcePath()).isEqualTo("rubric/counted.drl");
        assertThat(card.total()).isEqualByComparingTo("9");
    }

    @Test
    void sessionPoolsOfDifferentRubricsShareTheirSessionConfiguration() {
        // GIVEN two rubrics' knowledge bases
        Rubric one = Rubric.fromString("one.drl", TestRubrics.TINY);
        Rubric two = Rubric.fromString("two.drl", TestRubrics.TINY);

        // WHEN pools are made for them, confined and thread-safe
        SessionPool confinedOne = new SessionPool(one.kieBase(), true);
        SessionPool confinedTwo = new SessionPool(two.kieBase(), true);
        SessionPool threadSafe = new SessionPool(two.kieBase(), false);

        // THEN the confined ones share one configuration, the thread-safe one has the other, and each makes sessions
        assertThat(confinedOne.configuration()).isSameAs(confinedTwo.configuration());
        assertThat(threadSafe.configuration()).isNotSameAs(confinedOne.configuration());
        SessionPool.Lease a = confinedOne.borrow();
        SessionPool.Lease b = confinedTwo.borrow();
        assertThat(a.session).isNotSameAs(b.session);
        assertThat(a.session.getKieBase()).isSameAs(one.kieBase());
        assertThat(b.session.getKieBase()).isSameAs(two.kieBase());
        confinedOne.release(a, false);
        confinedTwo.release(b, false);
    }

    @Test
    void knowledgeBasesOfDifferentRubricsShareDroolsDefaultPropertiesButNotTheirLists() {
        // GIVEN two compiled rubrics
        Rubric one = Rubric.fromString("one.drl", TestRubrics.TINY);
        Rubric two = Rubric.fromString("two.drl", TestRubrics.TINY);

        // WHEN their knowledge bases' configurations are read
        var first = ((org.drools.kiesession.rulebase.InternalKnowledgeBase) one.kieBase()).getRuleBaseConfiguration();
        var second = ((org.drools.kiesession.rulebase.InternalKnowledgeBase) two.kieBase()).getRuleBaseConfiguration();

        // THEN both see Drools' defaults (the default event processing is cloud, sequential is off) and are distinct
        assertThat(first).isNotSameAs(second);
        assertThat(first.getEventProcessingMode()).isEqualTo(second.getEventProcessingMode());
        assertThat(first.getEventProcessingMode().getMode()).isEqualTo("cloud");
        assertThat(first.isSequential()).isFalse();
    }

    @Test
    void theParseTreeOfATrustedRubricIsLetGoOnceTheRulesAreBuilt() {
        // GIVEN a compiled trusted rubric with a declared type, whose resource Drools keeps
        Rubric rubric = Rubric.loader().trusted().fromString("counted.drl", TestRubrics.tinyWith(""));
        var declaration = ((InternalKnowledgePackage) rubric.kieBase().getKiePackage("tiny")).getTypeDeclaration("Counter");

        // WHEN / THEN the resource holds the parse tree Drools built from no more
        assertThat(declaration.getResource()).isInstanceOf(org.drools.io.DescrResource.class);
        assertThat(((org.drools.io.DescrResource) declaration.getResource()).getDescr()).isNull();
        assertThat(declaration.getResource().getSourcePath()).isEqualTo("rubric/counted.drl");
        // and the rubric's own copy of its file is whole
        assertThat(rubric.source().text()).isEqualTo(TestRubrics.tinyWith(""));
    }

    @Test
    void theParseTreeSafeModeHandsToDroolsIsLetGoOnceTheRulesAreBuilt() {
        // GIVEN a rubric compiled in safe mode, whose parse of the rules Drools builds from instead of parsing again
        Rubric rubric = Rubric.fromString("counted.drl", TestRubrics.tinyWith(""));
        var declaration = ((InternalKnowledgePackage) rubric.kieBase().getKiePackage("tiny")).getTypeDeclaration("Counter");

        // WHEN / THEN the resource Drools keeps with the declared type holds the tree no more
        assertThat(declaration.getResource()).isInstanceOf(org.drools.io.DescrResource.class);
        assertThat(((org.drools.io.DescrResource) declaration.getResource()).getDescr()).isNull();
        assertThat(declaration.getResource().getSourcePath()).isEqualTo("rubric/counted.drl");
        // and the rubric's own copy of its file is whole
        assertThat(rubric.source().text()).isEqualTo(TestRubrics.tinyWith(""));
    }
}
