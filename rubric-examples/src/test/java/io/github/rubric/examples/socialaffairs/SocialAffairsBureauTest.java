package io.github.rubric.examples.socialaffairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.rubric.model.fact.DuesRemittance;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.fact.MeetingType;
import io.github.rubric.model.fact.Submission;
import io.github.rubric.model.fact.SubmissionKind;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.structure.Item;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.Scorecards;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 社会事业局党工委直属党组织工作目标责任制考核细则 (seed 000), scored on the example facts: a model branch, a branch
 * with shortfalls across items, a branch without any meeting, and the boundaries of its criteria.
 */
class SocialAffairsBureauTest {
    private static final Rubric RUBRIC =
            Rubric.fromClasspath("io/github/rubric/examples/socialaffairs/social-affairs-bureau.drl");

    private static Path facts(String name) {
        try {
            return Path.of(SocialAffairsBureauTest.class.getResource("facts/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FactSet modelBranch() {
        return RUBRIC.readFacts(facts("model-branch.yaml"));
    }

    /** The facts with those matching {@code drop} removed and {@code add} appended. */
    private static FactSet change(FactSet facts, Predicate<Object> drop, Object... add) {
        List<Object> changed = new ArrayList<>(facts.facts());
        changed.removeIf(drop);
        changed.addAll(Arrays.asList(add));
        return new FactSet(facts.source(), facts.subject(), facts.period(), facts.round(), changed);
    }

    private static List<String> ids(List<Evidence> evidence) {
        return evidence.stream().map(Evidence::id).toList();
    }

    @Test
    void declaresNineteenItemsAddingUpToOneHundredPoints() {
        // GIVEN the bundled rubric, loaded

        // WHEN its structure is read
        List<Item> items = RUBRIC.definition().items().toList();

        // THEN it has the seed's 19 items with their points, and its own two record types
        assertThat(items).extracting(Item::id).containsExactly(
                "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19");
        assertThat(items).extracting(i -> i.maxPoints().intValue())
                .containsExactly(5, 6, 6, 5, 5, 5, 5, 6, 8, 5, 5, 5, 5, 5, 5, 6, 2, 6, 5);
        assertThat(RUBRIC.definition().totalPoints()).isEqualByComparingTo("100");
        assertThat(RUBRIC.declaredTypes()).containsExactly("Leadership", "Recruitment");
    }

    @Test
    void scoresAModelBranchOneHundred() {
        // GIVEN a branch that meets every criterion

        // WHEN it is scored
        Scorecard card = RUBRIC.score(facts("model-branch.yaml"));

        // THEN every item has its full points and nothing is deducted
        assertThat(card.total()).isEqualByComparingTo("100");
        assertThat(card.sectionTotal()).isEqualByComparingTo("100");
        assertThat(card.bonusTotal()).isEqualByComparingTo("0");
        assertThat(card.passed()).isTrue();
        assertThat(card.grade()).isEqualTo("优秀");
        assertThat(card.deductions()).isEmpty();
        assertThat(card.findings()).isEmpty();
        assertThat(card.vetoes()).isEmpty();
        card.sections().forEach(s -> s.items().forEach(i -> assertThat(i.score()).as("item %s", i.id())
                .isEqualByComparingTo(i.maxPoints())));
        assertThat(card.subject().name()).isEqualTo("文化科党支部");
        assertThat(card.rubric().id()).isEqualTo("social-affairs-bureau-branch-responsibility");
    }

    @Test
    void scoresABranchWithShortfallsSeventyTwoAndAHalf() {
        // GIVEN a branch with shortfalls across items

        // WHEN it is scored
        Scorecard card = RUBRIC.score(facts("branch-with-shortfalls.yaml"));

        // THEN it scores 72.5, passes, and is graded 合格
        assertThat(card.total()).isEqualByComparingTo("72.5");
        assertThat(card.total().toPlainString()).isEqualTo("72.5");
        assertThat(card.passed()).isTrue();
        assertThat(card.grade()).isEqualTo("合格");
    }

    @ParameterizedTest(name = "item {0} scores {1}")
    @CsvSource({
        "1, 4", "2, 5", "3, 0", "4, 4", "5, 0", "6, 5", "7, 4", "8, 5", "9, 5", "10, 5",
        "11, 4", "12, 5", "13, 4", "14, 4", "15, 5", "16, 6", "17, 2", "18, 1.5", "19, 4"})
    void scoresEachItemOfTheBranchWithShortfalls(String item, String expected) {
        // GIVEN a branch with shortfalls across items

        // WHEN it is scored
        ItemScore score = RUBRIC.score(facts("branch-with-shortfalls.yaml")).item(item).orElseThrow();

        // THEN the item scores exactly this, by plain subtraction (no item is driven below 0)
        assertThat(score.score()).isEqualByComparingTo(expected);
        assertThat(score.note()).isEmpty();
    }

    @Test
    void explainsEveryDeductionOfTheBranchWithShortfalls() {
        // GIVEN a branch with shortfalls across items

        // WHEN it is scored
        Scorecard card = RUBRIC.score(facts("branch-with-shortfalls.yaml"));

        // THEN each deduction names its rule, its points, its reason with the figures, and the facts it rests on
        assertThat(card.deductions())
                .extracting(Deduction::item, Deduction::rule, Deduction::points, Deduction::reason, d -> ids(d.evidence()))
                .containsExactly(
                        tuple("1", "1.1 党组织班子不健全或超期换届的扣1分", new BigDecimal("1"),
                                "超期未换届，扣1分", List.of("records.Leadership[0]")),
                        tuple("2", "2.1 无工作计划、总结的各扣1分", new BigDecimal("1"),
                                "无工作总结，扣1分", List.of()),
                        tuple("3", "3.1 全年召开党员大会不少于4次，每少1次扣1分", new BigDecimal("1"),
                                "全年召开党员大会3次，要求不少于4次，扣1分", List.of("meetings[0]", "meetings[1]", "meetings[2]")),
                        tuple("3", "3.2 全年召开支委会不少于4次，每少1次扣1分", new BigDecimal("2"),
                                "全年召开支委会2次，要求不少于4次，扣2分", List.of("meetings[3]", "meetings[4]")),
                        tuple("3", "3.3 集中上党课不少于2次，每少1次扣1分", new BigDecimal("1"),
                                "全年集中上党课1次，要求不少于2次，扣1分", List.of("meetings[5]")),
                        tuple("3", "3.4 缺党员领导干部上党课的扣1分", new BigDecimal("1"),
                                "全年没有党员领导干部上党课，扣1分", List.of()),
                        tuple("3", "3.5 三会一课记录不规范或发现作假的扣1分", new BigDecimal("1"),
                                "三会一课记录不规范或发现作假（1次会议），扣1分", List.of("meetings[4]")),
                        tuple("4", "4.2 党组织成员有未参加民主生活会的扣1分", new BigDecimal("1"),
                                "2024-12-20民主生活会有党组织成员未参加（赵强），扣1分", List.of("meetings[6]")),
                        tuple("5", "5.1 发现有党员不足额缴纳党费的扣2分", new BigDecimal("2"),
                                "发现党员不足额缴纳党费1笔，扣2分", List.of("duesPayments[0]")),
                        tuple("5", "5.2 每季度第3个月的25日前未将党费上交局党工委的，有1次扣1分", new BigDecimal("1"),
                                "第2季度党费于2024-06-26上交，晚于2024-06-25，扣1分", List.of("duesRemittances[1]")),
                        tuple("5", "5.2 每季度第3个月的25日前未将党费上交局党工委的，有1次扣1分", new BigDecimal("1"),
                                "第4季度党费于2025-01-10上交，晚于2024-12-25，扣1分", List.of("duesRemittances[2]")),
                        tuple("5", "5.3 季度党费未上交局党工委的，有1次扣1分", new BigDecimal("1"),
                                "第3季度党费未上交局党工委，扣1分", List.of()),
                        tuple("7", "7.1 未参加局党工委会议、活动的，有1次扣1分", new BigDecimal("1"),
                                "未参加局党工委组织的会议、活动1次，扣1分", List.of("activities[0]")),
                        tuple("8", "8.2 未上交调研文章的扣1分", new BigDecimal("1"),
                                "全年未上交调研文章，扣1分", List.of()),
                        tuple("9", "9.1 全年集中学习不少于12次，每少1次扣1分", new BigDecimal("3"),
                                "全年集中学习9次，要求不少于12次，扣3分", List.of("meetings[7]", "meetings[8]", "meetings[9]",
                                        "meetings[10]", "meetings[11]", "meetings[12]", "meetings[13]", "meetings[14]",
                                        "meetings[15]")),
                        tuple("11", "11 全年组织或参加专题党风廉政教育活动不少于2次，每少1次扣1分", new BigDecimal("1"),
                                "全年组织或参加专题党风廉政教育活动1次，要求不少于2次，扣1分", List.of("activities[2]")),
                        tuple("13", "13 群众投诉经查实的，有1件扣1分", new BigDecimal("1"),
                                "党工委接到群众投诉并经查实1件，扣1分", List.of("complaints[0]")),
                        tuple("14", "14.2 一般干部受党纪政纪处分的，每人扣1分", new BigDecimal("1"),
                                "一般干部受党纪政纪处分1人次，扣1分", List.of("disciplinaryCases[0]")),
                        tuple("18", "18 党建信息全年不少于4篇，每少1篇扣1.5分", new BigDecimal("4.5"),
                                "组织人事处收到并转发的党建信息1篇，要求不少于4篇，扣4.5分", List.of("submissions[3]")),
                        tuple("19", "19 “两簿一册”不健全、记录不完整的各扣1分", new BigDecimal("1"),
                                "学习记录簿记录不完整，扣1分", List.of("documents[4]")));
        assertThat(card.deductions()).noneMatch(Deduction::zeroes);
        assertThat(card.deductions().stream().map(Deduction::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("27.5");
    }

    @Test
    void stopsItemsAtZeroWhenABranchHoldsNoMeetingAtAll() {
        // GIVEN the model branch without any meeting on record

        // WHEN it is scored
        Scorecard card = RUBRIC.score(facts("branch-without-meetings.yaml"));

        // THEN item 3 would lose 4 + 4 + 2 + 1 = 11 of 6, item 9 12 of 8: both stop at 0 and say so (扣完为止)
        ItemScore meetings = card.item("3").orElseThrow();
        assertThat(meetings.deductions()).extracting(Deduction::points).containsExactly(
                new BigDecimal("4"), new BigDecimal("4"), new BigDecimal("2"), new BigDecimal("1"));
        assertThat(meetings.score()).isEqualByComparingTo("0");
        assertThat(meetings.note()).isEqualTo("扣分合计11分，超过本项6分，扣完为止，得0分");
        ItemScore study = card.item("9").orElseThrow();
        assertThat(study.deductions()).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("全年集中学习0次，要求不少于12次，扣12分"));
        assertThat(study.score()).isEqualByComparingTo("0");
        assertThat(study.note()).isEqualTo("扣分合计12分，超过本项8分，扣完为止，得0分");
        // and item 4 loses 2 for the missing 民主生活会; the total is 100 - 6 - 8 - 2
        assertThat(card.item("4").orElseThrow().score()).isEqualByComparingTo("3");
        assertThat(card.total()).isEqualByComparingTo("84");
        assertThat(card.grade()).isEqualTo("良好");
    }

    @ParameterizedTest(name = "quarter {0} remitted {1}: item 5 scores {2}")
    @CsvSource({
        "1, 2024-03-25, 5", "1, 2024-03-26, 4",
        "2, 2024-06-25, 5", "2, 2024-06-26, 4",
        "3, 2024-09-25, 5", "3, 2024-09-26, 4",
        "4, 2024-12-25, 5", "4, 2024-12-26, 4"})
    void takesTheTwentyFifthOfTheQuartersThirdMonthAsTheLastDayOnTime(int quarter, LocalDate date, String expected) {
        // GIVEN the model branch remitting one quarter's dues on the 25th or the 26th
        FactSet facts = change(modelBranch(), f -> f instanceof DuesRemittance r && r.quarter() == quarter,
                new DuesRemittance("remittance-q" + quarter, quarter, new BigDecimal("650.00"), null, date));

        // WHEN it is scored
        ItemScore item = RUBRIC.score(facts).item("5").orElseThrow();

        // THEN the 25th is on time and the 26th is late by one count
        assertThat(item.score()).isEqualByComparingTo(expected);
        if (date.getDayOfMonth() == 26) {
            assertThat(item.deductions()).singleElement().satisfies(d -> {
                assertThat(d.reason()).isEqualTo("第" + quarter + "季度党费于" + date + "上交，晚于" + date.minusDays(1)
                        + "，扣1分");
                assertThat(ids(d.evidence())).containsExactly("remittance-q" + quarter);
            });
        } else {
            assertThat(item.deductions()).isEmpty();
        }
    }

    @Test
    void countsAQuarterWithoutRemittanceAsOneLatePayment() {
        // GIVEN the model branch without a third-quarter remittance
        FactSet facts = change(modelBranch(), f -> f instanceof DuesRemittance r && r.quarter() == 3);

        // WHEN it is scored
        ItemScore item = RUBRIC.score(facts).item("5").orElseThrow();

        // THEN one point is deducted for the missing quarter
        assertThat(item.score()).isEqualByComparingTo("4");
        assertThat(item.deductions()).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("第3季度党费未上交局党工委，扣1分"));
    }

    @ParameterizedTest(name = "{0} accepted information reports, {1} rejected: item 18 scores {2}")
    @CsvSource({"4, 0, 6", "3, 0, 4.5", "3, 1, 4.5", "2, 0, 3", "1, 0, 1.5", "0, 0, 0", "5, 0, 6"})
    void deductsOneAndAHalfForEachAcceptedInformationReportShortOfFour(int accepted, int rejected, String expected) {
        // GIVEN the model branch with a number of accepted and rejected information reports
        List<Object> reports = new ArrayList<>();
        for (int i = 0; i < accepted + rejected; i++) {
            reports.add(new Submission("report-" + i, SubmissionKind.INFORMATION_REPORT, LocalDate.of(2024, 2 + i, 20),
                    null, i < accepted));
        }
        FactSet facts = change(modelBranch(), f -> f instanceof Submission s && s.kind() == SubmissionKind.INFORMATION_REPORT,
                reports.toArray());

        // WHEN it is scored
        ItemScore item = RUBRIC.score(facts).item("18").orElseThrow();

        // THEN 1.5 is deducted per report short of 4; a rejected report does not count
        assertThat(item.score()).isEqualByComparingTo(expected);
        assertThat(item.score().toPlainString()).isEqualTo(expected);
        assertThat(item.note()).isEmpty();
    }

    @ParameterizedTest(name = "{0} study sessions: item 9 scores {1}")
    @CsvSource({"12, 8", "11, 7", "13, 8"})
    void requiresTwelveStudySessions(int sessions, String expected) {
        // GIVEN the model branch with a number of study sessions
        List<Object> held = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            held.add(Meeting.of("study-" + i, MeetingType.STUDY_SESSION, LocalDate.of(2024, 1, 8).plusDays(25L * i)));
        }
        FactSet facts = change(modelBranch(), f -> f instanceof Meeting m && m.type() == MeetingType.STUDY_SESSION,
                held.toArray());

        // WHEN it is scored
        ItemScore item = RUBRIC.score(facts).item("9").orElseThrow();

        // THEN one point is deducted per session short of 12
        assertThat(item.score()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} general meetings: item 3 scores {1}")
    @CsvSource({"4, 6", "3, 5", "5, 6"})
    void requiresFourGeneralMeetings(int meetings, String expected) {
        // GIVEN the model branch with a number of general meetings
        List<Object> held = new ArrayList<>();
        for (int i = 0; i < meetings; i++) {
            held.add(Meeting.of("general-" + i, MeetingType.GENERAL_MEETING, LocalDate.of(2024, 2 + 2 * i, 12)));
        }
        FactSet facts = change(modelBranch(), f -> f instanceof Meeting m && m.type() == MeetingType.GENERAL_MEETING,
                held.toArray());

        // WHEN it is scored
        ItemScore item = RUBRIC.score(facts).item("3").orElseThrow();

        // THEN one point is deducted per meeting short of 4
        assertThat(item.score()).isEqualByComparingTo(expected);
    }

    @Test
    void givesTheSameJsonForTheSameFactsInAnyOrder() {
        // GIVEN the branch with shortfalls, and the same facts shuffled
        FactSet facts = RUBRIC.readFacts(facts("branch-with-shortfalls.yaml"));
        List<Object> shuffled = new ArrayList<>(facts.facts());
        Collections.shuffle(shuffled, new Random(20240601));
        FactSet reordered = new FactSet(facts.source(), facts.subject(), facts.period(), facts.round(), shuffled);

        // WHEN both are scored, the first twice
        String first = Scorecards.toJson(RUBRIC.score(facts));
        String again = Scorecards.toJson(RUBRIC.score(facts));
        String fromShuffled = Scorecards.toJson(RUBRIC.score(reordered));

        // THEN the three are byte-identical, and the JSON reads back to an equal scorecard
        assertThat(again).isEqualTo(first);
        assertThat(fromShuffled).isEqualTo(first);
        assertThat(Scorecards.fromJson(first)).isEqualTo(RUBRIC.score(facts));
    }

    @Test
    void printsTheScorecardAsATableInTheFormsShape() {
        // GIVEN the branch with shortfalls, scored
        Scorecard card = RUBRIC.score(facts("branch-with-shortfalls.yaml"));

        // WHEN it is printed as text
        String text = Scorecards.toText(card);

        // THEN the table shows the items with points, scores and the reasons with their evidence
        assertThat(text).startsWith("社会事业局党工委直属党组织工作目标责任制考核细则\n");
        assertThat(text.lines().collect(Collectors.toList())).contains(
                "18 党建信息             6     1.5   -4.5 组织人事处收到并转发的党建信息1篇，要求不少于4篇，扣4.5分 [submissions[3]]",
                "总分                          72.5  合格  等次：合格");
    }
}
