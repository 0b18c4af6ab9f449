package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the engine turns what rules report into points: fixed, per-occurrence, shortfall and progressive
 * deductions, half points, item floors (扣完为止), zeroing (不得分) and pooled sections (直至扣完).
 */
class DeductionSemanticsTest {
    private static final Rubric RUBRIC = Rubric.fromString("deductions.drl", """
            /*---
            id: deductions-test
            title: 扣分测试细则
            version: "1"
            totalPoints: 40
            sections:
              - id: life
                title: 组织生活
                maxPoints: 20
                items:
                  - { id: "1", title: 三会一课, maxPoints: 6 }
                  - { id: "2", title: 党建信息, maxPoints: 6 }
                  - { id: "3", title: 党费收缴, maxPoints: 5 }
                  - { id: "4", title: 作风建设, maxPoints: 3 }
              - id: safety
                title: 安全稳定
                maxPoints: 20
                pooled: true
                items:
                  - { id: "5", title: 安全生产, maxPoints: 20 }
                  - { id: "6", title: 信访稳定, maxPoints: 20 }
            ---*/
            package test.deductions;

            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            rule "1 全年召开党员大会不少于4次，每少1次扣2分"
                @item("1")
            when
                $held : List( size < 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
            then
                score.shortfall(4, $held, "2", "全年召开党员大会{actual}次，要求不少于{required}次，少{missing}次，扣{points}分");
            end

            rule "2 党建信息全年不少于4篇，每少1篇扣1.5分"
                @item("2")
            when
                $accepted : List( size < 4 ) from collect( Submission( kind == SubmissionKind.INFORMATION_REPORT, accepted ) )
            then
                score.shortfall(4, $accepted, "1.5", "党建信息{actual}篇，扣{points}分");
            end

            rule "3 党费未按时上交的，有1次扣0.5分"
                @item("3")
            when
                $late : List( !isEmpty ) from collect( DuesRemittance( date.dayOfMonth > 25 ) )
            then
                score.deductEach($late.size(), "0.5", "党费未按时上交{count}次，扣{points}分");
            end

            rule "4.1 群众投诉经查实的，本项不得分"
                @item("4")
            when
                $c : Complaint( verified )
            then
                score.zero("群众投诉经查实：" + $c.summary());
            end

            rule "4.2 作风建设无记录的扣1分"
                @item("4")
            when
                not Document( kind == DocumentKind.WORK_SUMMARY )
            then
                score.deduct("1", "无作风建设工作总结，扣{points}分");
            end

            rule "5 发生安全事故的，第一起扣5分，每重复发生一起累进加扣5分"
                @item("5")
            when
                $accidents : List( !isEmpty ) from collect( Incident( kind == IncidentKind.SAFETY ) )
            then
                score.progressive($accidents, "5", "5", "发生安全事故{count}起，累进扣{points}分");
            end

            rule "6 发生群体性上访事件的，每起扣10分"
                @item("6")
            when
                $petitions : List( !isEmpty ) from collect( Incident( kind == IncidentKind.PETITION ) )
            then
                score.deductEach($petitions.size(), "10", "发生群体性上访事件{count}起，扣{points}分");
            end
            """);

    /** Facts that meet every criterion; tests append what they need. */
    private static final String COMPLETE = """
            subject: { kind: organization, id: b1, name: 测试党支部, type: PARTY_BRANCH }
            period: 2024
            meetings:
              - { type: GENERAL_MEETING, date: 2024-03-12 }
              - { type: GENERAL_MEETING, date: 2024-06-12 }
              - { type: GENERAL_MEETING, date: 2024-09-12 }
              - { type: GENERAL_MEETING, date: 2024-12-12 }
            documents:
              - { kind: WORK_SUMMARY, complete: true }
            """;

    private static Scorecard score(String yaml) {
        return RUBRIC.score(RUBRIC.readFacts("branch.yaml", yaml));
    }

    private static String reports(int accepted) {
        return IntStream.range(0, accepted)
                .mapToObj(i -> "  - { kind: INFORMATION_REPORT, date: 2024-0" + (i + 2) + "-20, accepted: true }\n")
                .collect(Collectors.joining("", "submissions:\n", ""));
    }

    @Test
    void scoresFullMarksWhenNoRuleFires() {
        // GIVEN facts that meet every criterion
        String yaml = COMPLETE + reports(4);

        // WHEN scored
        Scorecard card = score(yaml);

        // THEN every item and section has its maximum, with nothing to explain
        assertThat(card.total()).isEqualByComparingTo("40");
        assertThat(card.deductions()).isEmpty();
        assertThat(card.sections()).extracting(SectionScore::score, SectionScore::note)
                .containsExactly(tuple(new java.math.BigDecimal("20"), ""), tuple(new java.math.BigDecimal("20"), ""));
        assertThat(card.item("1").orElseThrow().basisNote()).isEqualTo("满分6分");
    }

    @ParameterizedTest(name = "{0} accepted reports -> item 2 scores {1}")
    @CsvSource({"4, 6", "3, 4.5", "1, 1.5", "0, 0"})
    void deductsOneAndAHalfPointsForEachMissingReport(int accepted, String expected) {
        // GIVEN a number of accepted information reports, of 4 required at 1.5 points each
        String yaml = COMPLETE + reports(accepted);

        // WHEN scored
        ItemScore item = score(yaml).item("2").orElseThrow();

        // THEN the item keeps its exact half points
        assertThat(item.score()).isEqualByComparingTo(expected);
        assertThat(item.score().toPlainString()).isEqualTo(expected);
        assertThat(item.note()).isEmpty();
    }

    @Test
    void citesTheShortfallFiguresAndTheFactsHeldInTheReason() {
        // GIVEN one accepted report of four
        String yaml = COMPLETE + reports(1);

        // WHEN scored
        ItemScore item = score(yaml).item("2").orElseThrow();

        // THEN one deduction of 4.5 says so and cites the report
        assertThat(item.deductions()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("2 党建信息全年不少于4篇，每少1篇扣1.5分");
            assertThat(d.item()).isEqualTo("2");
            assertThat(d.points()).isEqualByComparingTo("4.5");
            assertThat(d.zeroes()).isFalse();
            assertThat(d.reason()).isEqualTo("党建信息1篇，扣4.5分");
            assertThat(d.evidence()).extracting(Evidence::id, Evidence::type, Evidence::text)
                    .containsExactly(tuple("submissions[0]", "Submission", "2024-02-20 党建信息"));
        });
    }

    @Test
    void deductsHalfPointsForEachLateRemittance() {
        // GIVEN three remittances after the 25th and one before
        String yaml = COMPLETE + reports(4) + """
                duesRemittances:
                  - { quarter: 1, date: 2024-03-20 }
                  - { quarter: 2, date: 2024-06-26 }
                  - { quarter: 3, date: 2024-09-28 }
                  - { quarter: 4, date: 2024-12-31 }
                """;

        // WHEN scored
        ItemScore item = score(yaml).item("3").orElseThrow();

        // THEN 3 x 0.5 = 1.5 is deducted, citing the three late ones
        assertThat(item.score()).isEqualByComparingTo("3.5");
        assertThat(item.deductions()).singleElement().satisfies(d -> {
            assertThat(d.points()).isEqualByComparingTo("1.5");
            assertThat(d.reason()).isEqualTo("党费未按时上交3次，扣1.5分");
            assertThat(d.evidence()).extracting(Evidence::id)
                    .containsExactly("duesRemittances[1]", "duesRemittances[2]", "duesRemittances[3]");
        });
    }

    @Test
    void floorsAnItemAtZeroAndExplainsWhenItsDeductionsExceedItsPoints() {
        // GIVEN no general meeting at all: 4 missing x 2 points = 8, of an item worth 6
        String yaml = """
                subject: { kind: organization, id: b1, name: 测试党支部, type: PARTY_BRANCH }
                period: 2024
                documents:
                  - { kind: WORK_SUMMARY, complete: true }
                """ + reports(4);

        // WHEN scored
        Scorecard card = score(yaml);

        // THEN the deduction records the full 8 points, the item scores 0 and says why (扣完为止)
        ItemScore item = card.item("1").orElseThrow();
        assertThat(item.deductions()).singleElement().satisfies(d -> {
            assertThat(d.points()).isEqualByComparingTo("8");
            assertThat(d.reason()).isEqualTo("全年召开党员大会0次，要求不少于4次，少4次，扣8分");
            assertThat(d.evidence()).isEmpty();
        });
        assertThat(item.score()).isEqualByComparingTo("0");
        assertThat(item.note()).isEqualTo("扣分合计8分，超过本项6分，扣完为止，得0分");
        assertThat(card.section("life").orElseThrow().score()).isEqualByComparingTo("14");
        assertThat(card.total()).isEqualByComparingTo("34");
    }

    @Test
    void leavesNoNoteWhenDeductionsExactlyExhaustAnItem() {
        // GIVEN one general meeting: 3 missing x 2 points = 6, exactly the item's points
        String yaml = """
                subject: { kind: organization, id: b1, name: 测试党支部, type: PARTY_BRANCH }
                period: 2024
                meetings:
                  - { type: GENERAL_MEETING, date: 2024-03-12 }
                documents:
                  - { kind: WORK_SUMMARY, complete: true }
                """ + reports(4);

        // WHEN scored
        ItemScore item = score(yaml).item("1").orElseThrow();

        // THEN the item scores 0 by plain subtraction
        assertThat(item.score()).isEqualByComparingTo("0");
        assertThat(item.note()).isEmpty();
    }

    @Test
    void zeroesAnItemWhateverItsOtherDeductions() {
        // GIVEN a verified complaint (不得分) and a missing summary (扣1分) in item 4
        String yaml = """
                subject: { kind: organization, id: b1, name: 测试党支部, type: PARTY_BRANCH }
                period: 2024
                meetings:
                  - { type: GENERAL_MEETING, date: 2024-03-12 }
                  - { type: GENERAL_MEETING, date: 2024-06-12 }
                  - { type: GENERAL_MEETING, date: 2024-09-12 }
                  - { type: GENERAL_MEETING, date: 2024-12-12 }
                complaints:
                  - { date: 2024-05-06, summary: 窗口办事推诿, verified: true }
                  - { date: 2024-07-06, summary: 态度生硬, verified: false }
                """ + reports(4);

        // WHEN scored
        ItemScore item = score(yaml).item("4").orElseThrow();

        // THEN the item scores 0, the zeroing carries the item's points and cites the verified complaint only
        assertThat(item.score()).isEqualByComparingTo("0");
        assertThat(item.note()).isEqualTo("本项不得分");
        assertThat(item.deductions()).extracting(Deduction::rule, Deduction::points, Deduction::zeroes, Deduction::reason)
                .containsExactly(
                        tuple("4.1 群众投诉经查实的，本项不得分", new java.math.BigDecimal("3"), true, "群众投诉经查实：窗口办事推诿"),
                        tuple("4.2 作风建设无记录的扣1分", new java.math.BigDecimal("1"), false, "无作风建设工作总结，扣1分"));
        assertThat(item.deductions().get(0).evidence()).extracting(Evidence::id).containsExactly("complaints[0]");
    }

    @ParameterizedTest(name = "{0} accidents -> {1} points deducted, item scores {2}")
    @CsvSource({"1, 5, 15", "2, 15, 5", "3, 30, 0", "4, 50, 0"})
    void deductsProgressivelyForRepeatedAccidents(int accidents, String deducted, String itemScore) {
        // GIVEN some safety accidents: the first costs 5, each further one 5 more than the one before
        StringBuilder yaml = new StringBuilder(COMPLETE + reports(4) + "incidents:\n");
        for (int i = 1; i <= accidents; i++) {
            yaml.append("  - { date: 2024-0").append(i).append("-10, kind: SAFETY, severity: ORDINARY }\n");
        }

        // WHEN scored
        Scorecard card = score(yaml.toString());

        // THEN 5, 5+10, 5+10+15… is deducted, and the item and its pooled section never go below 0
        ItemScore item = card.item("5").orElseThrow();
        assertThat(item.deductions()).singleElement().satisfies(d -> {
            assertThat(d.points()).isEqualByComparingTo(deducted);
            assertThat(d.reason()).isEqualTo("发生安全事故" + accidents + "起，累进扣" + deducted + "分");
            assertThat(d.evidence()).hasSize(accidents);
        });
        assertThat(item.score()).isEqualByComparingTo(itemScore);
        assertThat(card.section("safety").orElseThrow().score()).isEqualByComparingTo(itemScore);
    }

    @Test
    void poolsTheItemsOfAPooledSectionAgainstTheSectionsPointsUntilExhausted() {
        // GIVEN two accidents (15) and one petition (10): 25 points lost in a pooled 20-point section
        String yaml = COMPLETE + reports(4) + """
                incidents:
                  - { date: 2024-02-10, kind: SAFETY, severity: ORDINARY }
                  - { date: 2024-05-10, kind: SAFETY, severity: MAJOR }
                  - { date: 2024-08-10, kind: PETITION, severity: ORDINARY }
                """;

        // WHEN scored
        Scorecard card = score(yaml);

        // THEN each item keeps its own score, and the section, which shares its 20 points, scores 0 and says why
        assertThat(card.item("5").orElseThrow().score()).isEqualByComparingTo("5");
        assertThat(card.item("6").orElseThrow().score()).isEqualByComparingTo("10");
        SectionScore safety = card.section("safety").orElseThrow();
        assertThat(safety.score()).isEqualByComparingTo("0");
        assertThat(safety.note()).isEqualTo("本栏目扣分合计25分，直至20分扣完，得0分");
        assertThat(card.total()).isEqualByComparingTo("20");
    }

    @Test
    void subtractsAPooledSectionsLossesWhileSomePointsRemain() {
        // GIVEN one accident (5) and one petition (10) in the pooled 20-point section
        String yaml = COMPLETE + reports(4) + """
                incidents:
                  - { date: 2024-02-10, kind: SAFETY, severity: ORDINARY }
                  - { date: 2024-08-10, kind: PETITION, severity: ORDINARY }
                """;

        // WHEN scored
        SectionScore safety = score(yaml).section("safety").orElseThrow();

        // THEN the section scores 20 - 15 = 5, not the sum of its items (15 + 10)
        assertThat(safety.score()).isEqualByComparingTo("5");
        assertThat(safety.note()).isEmpty();
    }
}
