package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.Scorecard;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bonus points (加分): of several for one achievement only the highest counts (就高不就低); different
 * achievements add up to the rubric's cap; none count below the rubric's minimum total.
 */
class BonusSemanticsTest {
    private static final Rubric RUBRIC = Rubric.fromString("bonus.drl", """
            /*---
            id: bonus-test
            title: 加分测试细则
            version: "1"
            totalPoints: 100
            bonus: { cap: 5, minimumTotal: 60 }
            sections:
              - id: all
                title: 全部
                maxPoints: 100
                items:
                  - { id: "1", title: 作风建设, maxPoints: 100 }
            ---*/
            package test.bonus;

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

            rule "加分：获国家级表彰的加5分"
                @bonus
            when
                $a : Award( level == AwardLevel.NATIONAL )
            then
                score.bonus($a.achievement(), "5", "获国家级表彰「" + $a.title() + "」，加{points}分");
            end

            rule "加分：获省级表彰的加3分"
                @bonus
            when
                $a : Award( level == AwardLevel.PROVINCIAL )
            then
                score.bonus($a.achievement(), "3", "获省级表彰「" + $a.title() + "」，加{points}分");
            end

            rule "加分：获市级表彰的加2分"
                @bonus
            when
                $a : Award( level == AwardLevel.MUNICIPAL )
            then
                score.bonus($a.achievement(), "2", "获市级表彰「" + $a.title() + "」，加{points}分");
            end
            """);

    private static Scorecard score(int verifiedComplaints, String awards) {
        String complaints = IntStream.rangeClosed(1, verifiedComplaints)
                .mapToObj(i -> "  - { date: 2024-0" + i + "-03, summary: 投诉" + i + ", verified: true }\n")
                .collect(Collectors.joining("", "complaints:\n", ""));
        return RUBRIC.score(RUBRIC.readFacts("branch.yaml", """
                subject: { kind: organization, id: b1, name: 测试党支部, type: PARTY_BRANCH }
                period: 2024
                awards:
                """ + awards + (verifiedComplaints > 0 ? complaints : "")));
    }

    @Test
    void countsOnlyTheHighestBonusForOneAchievement() {
        // GIVEN one achievement commended at provincial (3) and municipal (2) level
        String awards = """
                  - { level: MUNICIPAL, achievement: 先进基层党组织, title: 市级先进基层党组织, date: 2024-06-28 }
                  - { level: PROVINCIAL, achievement: 先进基层党组织, title: 省级先进基层党组织, date: 2024-06-30 }
                """;

        // WHEN scored
        Scorecard card = score(0, awards);

        // THEN only the provincial 3 counts; the municipal one is listed with 0 and the reason
        assertThat(card.bonusTotal()).isEqualByComparingTo("3");
        assertThat(card.total()).isEqualByComparingTo("103");
        assertThat(card.bonuses()).extracting(Bonus::rule, Bonus::points, Bonus::counted, Bonus::note).containsExactly(
                tuple("加分：获省级表彰的加3分", new BigDecimal("3"), new BigDecimal("3"), ""),
                tuple("加分：获市级表彰的加2分", new BigDecimal("2"), BigDecimal.ZERO, "同一事项获多次奖励的只按最高一次加分（就高不就低）"));
        assertThat(card.bonuses().get(0).reason()).isEqualTo("获省级表彰「省级先进基层党组织」，加3分");
        assertThat(card.bonuses().get(0).evidence()).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo("awards[1]"));
    }

    @Test
    void addsUpBonusesForDifferentAchievements() {
        // GIVEN two achievements, provincial (3) and municipal (2): 5, exactly the cap
        String awards = """
                  - { level: PROVINCIAL, achievement: 先进基层党组织, title: 省级先进基层党组织, date: 2024-06-30 }
                  - { level: MUNICIPAL, achievement: 党建信息宣传, title: 市级党建宣传先进单位, date: 2024-12-01 }
                """;

        // WHEN scored
        Scorecard card = score(0, awards);

        // THEN both count in full
        assertThat(card.bonuses()).extracting(Bonus::counted).containsExactly(new BigDecimal("3"), new BigDecimal("2"));
        assertThat(card.bonuses()).extracting(Bonus::note).containsOnly("");
        assertThat(card.bonusTotal()).isEqualByComparingTo("5");
        assertThat(card.total()).isEqualByComparingTo("105");
    }

    @Test
    void capsTheBonusTotalCountingTheLargestBonusesFirst() {
        // GIVEN three achievements: provincial 3, provincial 3 and municipal 2, 8 in all, of a 5-point cap
        String awards = """
                  - { level: MUNICIPAL, achievement: 党建信息宣传, title: 市级党建宣传先进单位, date: 2024-12-01 }
                  - { level: PROVINCIAL, achievement: 先进基层党组织, title: 省级先进基层党组织, date: 2024-06-30 }
                  - { level: PROVINCIAL, achievement: 优秀党课, title: 省级优秀党课, date: 2024-07-01 }
                """;

        // WHEN scored
        Scorecard card = score(0, awards);

        // THEN 3 + 2 of the second 3 count, nothing of the 2, and the capped ones say why (listed by achievement)
        assertThat(card.bonusTotal()).isEqualByComparingTo("5");
        assertThat(card.total()).isEqualByComparingTo("105");
        assertThat(card.bonuses()).extracting(Bonus::achievement, Bonus::points, Bonus::counted, Bonus::note).containsExactly(
                tuple("优秀党课", new BigDecimal("3"), new BigDecimal("3"), ""),
                tuple("先进基层党组织", new BigDecimal("3"), new BigDecimal("2"), "奖励加分总分最高不超过5分"),
                tuple("党建信息宣传", new BigDecimal("2"), BigDecimal.ZERO, "奖励加分总分最高不超过5分"));
    }

    @ParameterizedTest(name = "{0} verified complaints -> total {1} + bonus {2}")
    @CsvSource({"4, 60, 3", "5, 50, 0"})
    void grantsNoBonusBelowTheMinimumTotal(int complaints, String sectionTotal, String bonusTotal) {
        // GIVEN a provincial commendation and complaints costing 10 points each, against a minimum total of 60
        String awards = """
                  - { level: PROVINCIAL, achievement: 先进基层党组织, title: 省级先进基层党组织, date: 2024-06-30 }
                """;

        // WHEN scored
        Scorecard card = score(complaints, awards);

        // THEN the bonus counts at 60 but not at 50, where it says why
        assertThat(card.sectionTotal()).isEqualByComparingTo(sectionTotal);
        assertThat(card.bonusTotal()).isEqualByComparingTo(bonusTotal);
        assertThat(card.total()).isEqualByComparingTo(new BigDecimal(sectionTotal).add(new BigDecimal(bonusTotal)));
        assertThat(card.bonuses()).singleElement().satisfies(b -> assertThat(b.note())
                .isEqualTo(bonusTotal.equals("0") ? "总分50分，低于60分，不予加分" : ""));
    }
}
