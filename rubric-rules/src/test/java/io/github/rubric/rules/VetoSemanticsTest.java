package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.Veto;
import io.github.rubric.model.result.VetoKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vetoes (一票否决), the pass line (合格线) and grade bands: a failing veto fails the assessment whatever the
 * total, a section veto zeroes its section, a grade cap keeps the grade at or below a band.
 */
class VetoSemanticsTest {
    private static final Rubric RUBRIC = Rubric.fromString("veto.drl", """
            /*---
            id: veto-test
            title: 一票否决测试细则
            version: "1"
            totalPoints: 100
            passLine: 60
            gradeBands:
              - { name: 优秀, min: 90 }
              - { name: 合格, min: 60 }
              - { name: 不合格, min: 0 }
            sections:
              - id: work
                title: 党建工作
                maxPoints: 80
                items:
                  - { id: "1", title: 作风建设, maxPoints: 80 }
              - id: stability
                title: 安全稳定
                maxPoints: 20
                items:
                  - { id: "2", title: 安全生产, maxPoints: 10 }
                  - { id: "3", title: 信访稳定, maxPoints: 10 }
            ---*/
            package test.veto;

            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            rule "1 群众投诉经查实的，有1件扣10分"
                @item("1")
            when
                $verified : List( !isEmpty ) from collect( Complaint( verified ) )
            then
                score.deductEach($verified.size(), "10", "群众投诉经查实{count}件，扣{points}分");
            end

            rule "2 发生重大安全事故的，实行一票否决"
                @item("2")
            when
                $i : Incident( kind == IncidentKind.SAFETY, severity == IncidentSeverity.MAJOR )
            then
                score.failAssessment("发生重大安全事故，一票否决");
            end

            rule "3 发生群体性上访事件的，本栏目不得分"
                @item("3")
            when
                $i : Incident( kind == IncidentKind.PETITION )
            then
                score.zeroSection("发生群体性上访事件，安全稳定栏目不得分");
            end

            rule "3 发生一般安全事故的，不得评为优秀"
                @item("3")
            when
                $i : Incident( kind == IncidentKind.SAFETY, severity == IncidentSeverity.ORDINARY )
            then
                score.capGrade("合格", "发生一般安全事故，不得评为优秀");
            end
            """);

    private static Scorecard score(String facts) {
        return RUBRIC.score(RUBRIC.readFacts("branch.yaml", """
                subject: { kind: organization, id: b1, name: 测试党支部, type: PARTY_BRANCH }
                period: 2024
                """ + facts));
    }

    @ParameterizedTest(name = "{0} verified complaints -> total {1}, passed {2}, grade {3}")
    @CsvSource({"0, 100, true, 优秀", "1, 90, true, 优秀", "2, 80, true, 合格", "4, 60, true, 合格", "5, 50, false, 不合格"})
    void gradesTheTotalByBandsAndThePassLine(int complaints, String total, boolean passed, String grade) {
        // GIVEN complaints costing 10 points each, and no veto
        StringBuilder facts = new StringBuilder("complaints:\n");
        for (int i = 1; i <= complaints; i++) {
            facts.append("  - { date: 2024-0").append(i).append("-03, summary: 投诉").append(i).append(", verified: true }\n");
        }

        // WHEN scored
        Scorecard card = score(complaints == 0 ? "" : facts.toString());

        // THEN the band's lower bound and the pass line are inclusive
        assertThat(card.total()).isEqualByComparingTo(total);
        assertThat(card.passed()).isEqualTo(passed);
        assertThat(card.grade()).isEqualTo(grade);
        assertThat(card.vetoes()).isEmpty();
    }

    @Test
    void failsTheAssessmentOnAFailingVetoWhateverTheTotal() {
        // GIVEN a major safety accident and otherwise full marks
        String facts = """
                incidents:
                  - { date: 2024-05-10, kind: SAFETY, severity: MAJOR, summary: 仓库火灾 }
                """;

        // WHEN scored
        Scorecard card = score(facts);

        // THEN the total stays 100, but the assessment fails with the lowest band, and the veto says why
        assertThat(card.total()).isEqualByComparingTo("100");
        assertThat(card.passed()).isFalse();
        assertThat(card.grade()).isEqualTo("不合格");
        assertThat(card.vetoes()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(VetoKind.FAIL);
            assertThat(v.item()).isEqualTo("2");
            assertThat(v.target()).isEmpty();
            assertThat(v.reason()).isEqualTo("发生重大安全事故，一票否决");
            assertThat(v.evidence()).extracting(Evidence::id).containsExactly("incidents[0]");
        });
    }

    @Test
    void zeroesTheSectionOfTheVetoingItem() {
        // GIVEN a petition, vetoing the 20-point stability section
        String facts = """
                incidents:
                  - { date: 2024-05-10, kind: PETITION, severity: ORDINARY }
                """;

        // WHEN scored
        Scorecard card = score(facts);

        // THEN the section scores 0 and says why, its items keep their own scores, and the total is 80
        assertThat(card.section("stability").orElseThrow().score()).isEqualByComparingTo("0");
        assertThat(card.section("stability").orElseThrow().note()).isEqualTo("一票否决，本栏目得0分：发生群体性上访事件，安全稳定栏目不得分");
        assertThat(card.item("3").orElseThrow().score()).isEqualByComparingTo("10");
        assertThat(card.total()).isEqualByComparingTo("80");
        assertThat(card.passed()).isTrue();
        assertThat(card.grade()).isEqualTo("合格");
        assertThat(card.vetoes()).extracting(Veto::kind, Veto::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(VetoKind.ZERO_SECTION, "stability"));
    }

    @Test
    void capsTheGradeButNotTheTotal() {
        // GIVEN an ordinary safety accident, which bars 优秀, and otherwise full marks
        String facts = """
                incidents:
                  - { date: 2024-05-10, kind: SAFETY, severity: ORDINARY }
                """;

        // WHEN scored
        Scorecard card = score(facts);

        // THEN the total is 100 and passes, but the grade is 合格
        assertThat(card.total()).isEqualByComparingTo("100");
        assertThat(card.passed()).isTrue();
        assertThat(card.grade()).isEqualTo("合格");
        assertThat(card.vetoes()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(VetoKind.CAP_GRADE);
            assertThat(v.target()).isEqualTo("合格");
        });
    }

    @Test
    void doesNotRaiseAGradeBelowTheCap() {
        // GIVEN an ordinary safety accident (cap at 合格) and five verified complaints (total 50, 不合格)
        String facts = """
                incidents:
                  - { date: 2024-05-10, kind: SAFETY, severity: ORDINARY }
                complaints:
                  - { date: 2024-01-03, summary: 投诉1, verified: true }
                  - { date: 2024-02-03, summary: 投诉2, verified: true }
                  - { date: 2024-03-03, summary: 投诉3, verified: true }
                  - { date: 2024-04-03, summary: 投诉4, verified: true }
                  - { date: 2024-05-03, summary: 投诉5, verified: true }
                """;

        // WHEN scored
        Scorecard card = score(facts);

        // THEN the grade stays 不合格
        assertThat(card.total()).isEqualByComparingTo("50");
        assertThat(card.grade()).isEqualTo("不合格");
        assertThat(card.passed()).isFalse();
    }
}
