package io.github.rubric.examples.unitregulation;

import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.rules.FactsException;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.Scorecards;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.rubric.examples.ExampleFacts.findings;
import static io.github.rubric.examples.ExampleFacts.replace;
import static io.github.rubric.examples.ExampleFacts.rulesThatReported;
import static io.github.rubric.examples.ExampleFacts.score;
import static io.github.rubric.examples.ExampleFacts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** 单位党建工作目标考核制度 (seed 003), a findings-only rubric, checked on example branches. */
class UnitRegulationRubricTest {
    private static final String RUBRIC = "io/github/rubric/examples/unitregulation/unit-party-building-regulation.drl";
    private static final String COMPLIANT = "io/github/rubric/examples/unitregulation/facts/compliant-branch.yaml";
    private static final String GAPS = "io/github/rubric/examples/unitregulation/facts/branch-with-gaps.yaml";
    private static final Rubric RUBRIC_FILE = Rubric.fromClasspath(RUBRIC);

    /** A branch with no records at all for the year. */
    private static final String NOTHING_RECORDED = """
            subject: { kind: organization, id: empty-branch, name: 空白党支部, type: PARTY_BRANCH }
            period: 2024
            """;

    /** A branch with an assessor's shortcoming under every duty and an incomplete 入党志愿书. */
    private static final String EVERY_DUTY_SHORT = NOTHING_RECORDED + """
            documents:
              - { kind: APPLICATION_FORM, complete: false, note: 缺入党介绍人意见 }
            records:
              Shortcoming:
            """ + IntStream.rangeClosed(1, 24).mapToObj(n -> "    - { duty: DUTY_" + n + ", note: 问题" + n + " }\n")
            .reduce("", String::concat);

    @Test
    void declaresTheTwentyFourDutiesInFourGroupsWithoutPoints() {
        // GIVEN the regulation as a rubric
        var definition = RUBRIC_FILE.definition();

        // WHEN its structure is read
        // THEN it has the seed's four groups and 24 numbered duties, all of 0 points
        assertThat(definition.totalPoints()).isZero();
        assertThat(definition.sections()).extracting(s -> s.title() + " " + s.items().size()).containsExactly(
                "（一）党(总)支部目标管理要求与责任内容 10", "（二）坚持各项党内制度 8", "（三）规范发展工作程序 3",
                "（四）加强思想政治工作 3");
        assertThat(definition.items()).extracting(i -> i.id())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 24).mapToObj(String::valueOf).toList());
        assertThat(definition.items()).allSatisfy(i -> assertThat(i.maxPoints()).isZero());
    }

    @Test
    void findsNothingForABranchThatKeepsEveryDuty() {
        // GIVEN a branch with every meeting, report and document the regulation asks for
        // WHEN it is checked
        Scorecard card = score(RUBRIC_FILE, COMPLIANT);

        // THEN there are no findings and no points
        assertThat(card.findings()).isEmpty();
        assertThat(card.deductions()).isEmpty();
        assertThat(card.total()).isZero();
        assertThat(Scorecards.toText(card)).endsWith("合计                    未发现问题\n");
    }

    @Test
    void namesEachMissingMonthQuarterAndHalfYearOfATypicalBranch() {
        // GIVEN a branch that skipped some months, quarters and a half-year, and has document and dues gaps
        // WHEN it is checked
        Scorecard card = score(RUBRIC_FILE, GAPS);

        // THEN every gap is a finding that names the duty, the period missing and the records examined
        List<String> groupMeetings = ids("meetings", 0, 10);
        assertThat(findings(item(card, "2"))).containsExactly(tuple("2.2 党建工作计划没有措施、没有明确责任人的，列为问题",
                "第2条：党建工作计划不完整：未明确责任人", List.of("documents[0]")));
        assertThat(findings(item(card, "8"))).containsExactly(tuple("8.1 “三会一课”记录不规范或作假的，每次会议列为问题",
                "第8条：2024-04-05党小组会记录不规范：未记录到会人数", List.of("meetings[2]")));
        assertThat(findings(item(card, "9"))).containsExactly(tuple("9.0 考核人员认定第9条（党风廉政建设）未落实的，列为问题",
                "第9条（考核人员认定）：全年未组织廉洁自律专题教育", List.of("records.Shortcoming[0]")));
        assertThat(findings(item(card, "10"))).containsExactly(
                tuple("10.1 党费不足额交纳的，每笔列为问题", "第10条：孙强2024年05月党费应交40元，实交30元，未足额交纳",
                        List.of("duesPayments[1]")),
                tuple("10.2 党费在所属月份之后才交纳的，每笔列为问题", "第10条：周敏2024年05月党费于2024-06-03交纳，未按时交纳",
                        List.of("duesPayments[2]")));
        assertThat(findings(item(card, "11"))).containsExactly(tuple("11.1 每月至少组织一次党员学习活动，缺一个月列一个问题",
                "第11条：2024年01月没有组织党员学习活动（要求每月至少一次；查阅学习记录11次，该月没有）", ids("meetings", 27, 11)));
        assertThat(findings(item(card, "12"))).containsExactly(
                tuple("12.1 党小组会每月召开一次，缺一个月列一个问题",
                        "第12条：2024年02月没有召开党小组会（要求每月一次；查阅党小组会记录10次，该月没有）", groupMeetings),
                tuple("12.1 党小组会每月召开一次，缺一个月列一个问题",
                        "第12条：2024年08月没有召开党小组会（要求每月一次；查阅党小组会记录10次，该月没有）", groupMeetings),
                tuple("12.2 支委会每月召开一次，缺一个月列一个问题",
                        "第12条：2024年07月没有召开支委会（要求每月一次；查阅支委会记录11次，该月没有）", ids("meetings", 10, 11)),
                tuple("12.3 支部党员大会每季度召开一次，缺一个季度列一个问题",
                        "第12条：2024年第3季度没有召开支部党员大会（要求每季度一次；查阅支部党员大会记录3次，该季度没有）",
                        ids("meetings", 21, 3)),
                tuple("12.4 党课每季度进行一次，缺一个季度列一个问题",
                        "第12条：2024年第2季度没有进行党课（要求每季度一次；查阅党课记录3次，该季度没有）", ids("meetings", 24, 3)));
        assertThat(findings(item(card, "14"))).containsExactly(tuple("14.1 组织生活会每季度或半年召开一次，哪个半年没有召开列为问题",
                "第14条：2024年下半年没有召开党员组织生活会（要求每季度或半年一次；查阅组织生活会记录1次，该半年没有）",
                List.of("meetings[39]")));
        assertThat(findings(item(card, "16"))).containsExactly(
                tuple("16.1 党支部委员会每季度向党总支汇报一次工作，缺一个季度列一个问题",
                        "第16条：2024年第4季度支委会没有向党总支汇报工作（要求每季度一次；查阅汇报记录3次，该季度没有）",
                        List.of("office-branch-2", "records.WorkReport[0]", "records.WorkReport[1]", "records.WorkReport[2]")),
                tuple("16.3 党员每年向支部汇报一次思想、学习和工作情况，未汇报的每人列为问题",
                        "第16条：党员孙强2024年度没有向支部汇报思想、学习和工作情况", List.of("records.MemberReport[1]")));
        assertThat(findings(item(card, "17"))).containsExactly(tuple("17.1 入党考察材料不齐全的，列为问题",
                "第17条：入党考察材料不齐全：缺少培养考察记录", List.of("documents[3]")));
        assertThat(findings(item(card, "18"))).containsExactly(tuple("18.1 党建工作资料缺哪一种，列为问题",
                "第18条：党建工作资料缺党员名册", List.of()));
        assertThat(findings(item(card, "19"))).containsExactly(tuple("19.0 考核人员认定第19条（年度发展计划）未落实的，列为问题",
                "第19条（考核人员认定）：没有年度发展计划", List.of("records.Shortcoming[1]")));
        // and nothing else: 17 findings on 11 duties, no points
        assertThat(card.findings()).hasSize(17);
        assertThat(card.sections().stream().flatMap(s -> s.items().stream()).filter(i -> !i.findings().isEmpty()))
                .extracting(ItemScore::id).containsExactly("2", "8", "9", "10", "11", "12", "14", "16", "17", "18", "19");
        assertThat(card.deductions()).isEmpty();
        assertThat(card.sections()).extracting(SectionScore::score).allSatisfy(p -> assertThat(p).isZero());
    }

    @Test
    void listsEveryMonthInOrderWhenABranchRecordedNothing() {
        // GIVEN a branch with no records for the year
        // WHEN it is checked
        Scorecard card = score(RUBRIC_FILE, "nothing.yaml", NOTHING_RECORDED);

        // THEN each month, quarter and half-year is named, in calendar order
        assertThat(item(card, "12").findings()).filteredOn(f -> f.rule().startsWith("12.1 ")).extracting(Finding::reason)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12).mapToObj(m -> String.format(
                        "第12条：2024年%02d月没有召开党小组会（要求每月一次；查阅党小组会记录0次，该月没有）", m)).toList());
        assertThat(item(card, "12").findings()).filteredOn(f -> f.rule().startsWith("12.4 ")).extracting(Finding::reason)
                .containsExactly("第12条：2024年第1季度没有进行党课（要求每季度一次；查阅党课记录0次，该季度没有）",
                        "第12条：2024年第2季度没有进行党课（要求每季度一次；查阅党课记录0次，该季度没有）",
                        "第12条：2024年第3季度没有进行党课（要求每季度一次；查阅党课记录0次，该季度没有）",
                        "第12条：2024年第4季度没有进行党课（要求每季度一次；查阅党课记录0次，该季度没有）");
        assertThat(findings(item(card, "14"))).extracting(t -> t.toList().get(1)).containsExactly(
                "第14条：2024年上半年没有召开党员组织生活会（要求每季度或半年一次；查阅组织生活会记录0次，该半年没有）",
                "第14条：2024年下半年没有召开党员组织生活会（要求每季度或半年一次；查阅组织生活会记录0次，该半年没有）");
        assertThat(findings(item(card, "13"))).extracting(t -> t.toList().get(1))
                .containsExactly("第13条：2024年度没有召开领导班子民主生活会（要求每年一次）");
        assertThat(findings(item(card, "15"))).extracting(t -> t.toList().get(1))
                .containsExactly("第15条：2024年度没有进行民主评议党员工作（要求每年一次）");
        assertThat(findings(item(card, "2"))).extracting(t -> t.toList().get(1)).containsExactly("第2条：没有制定党建工作计划");
        assertThat(findings(item(card, "18"))).extracting(t -> t.toList().get(1)).containsExactly(
                "第18条：党建工作资料缺党员发展记录", "第18条：党建工作资料缺党员名册", "第18条：党建工作资料缺党的组织生活记录簿",
                "第18条：党建工作资料缺工作总结");
        // 12 months × 3 (study, group, committee) + 4 quarters × 4 (general meeting, lecture, two reports)
        // + 2 half-years + 民主生活会 + 民主评议 + plan + 4 archive kinds
        assertThat(card.findings()).hasSize(36 + 16 + 2 + 1 + 1 + 1 + 4);
        assertThat(Scorecards.toText(card)).endsWith("合计                    发现问题61条，涉及8项（共24项）\n");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "党小组会 on the month's last day|GROUP_MEETING, date: 2024-03-05|GROUP_MEETING, date: 2024-03-31|",
            "党小组会 moved to the next month's first day|GROUP_MEETING, date: 2024-03-05|GROUP_MEETING, date: 2024-04-01|第12条：2024年03月没有召开党小组会（要求每月一次；查阅党小组会记录12次，该月没有）",
            "党员大会 on the quarter's last day|GENERAL_MEETING, date: 2024-03-20|GENERAL_MEETING, date: 2024-03-31|",
            "党员大会 moved into the next quarter|GENERAL_MEETING, date: 2024-03-20|GENERAL_MEETING, date: 2024-04-01|第12条：2024年第1季度没有召开支部党员大会（要求每季度一次；查阅支部党员大会记录4次，该季度没有）",
            "组织生活会 on the half-year's last day|ORGANIZATIONAL_LIFE_MEETING, date: 2024-06-27|ORGANIZATIONAL_LIFE_MEETING, date: 2024-06-30|",
            "组织生活会 moved into the second half|ORGANIZATIONAL_LIFE_MEETING, date: 2024-06-27|ORGANIZATIONAL_LIFE_MEETING, date: 2024-07-01|第14条：2024年上半年没有召开党员组织生活会（要求每季度或半年一次；查阅组织生活会记录2次，该半年没有）",
            "report to the 党总支 on the year's last day|2024-12-27, recipient: GENERAL_BRANCH|2024-12-31, recipient: GENERAL_BRANCH|",
            "dues paid on the month's last day|month: 2024-03, due: 35.00, paid: 35.00, date: 2024-03-31|month: 2024-03, due: 35.00, paid: 35.00, date: 2024-03-31|",
            "dues paid the next month|month: 2024-03, due: 35.00, paid: 35.00, date: 2024-03-31|month: 2024-03, due: 35.00, paid: 35.00, date: 2024-04-01|第10条：李明2024年03月党费于2024-04-01交纳，未按时交纳",
            "dues a cent short|month: 2024-03, due: 35.00, paid: 35.00|month: 2024-03, due: 35.00, paid: 34.99|第10条：李明2024年03月党费应交35元，实交34.99元，未足额交纳",
    })
    void countsAMeetingInThePeriodItFallsIn(String variant, String from, String to, String finding) {
        // GIVEN the compliant branch with one date or amount moved
        String facts = replace(text(COMPLIANT), from, to);

        // WHEN it is checked
        Scorecard card = score(RUBRIC_FILE, "boundary.yaml", facts);

        // THEN a date inside the month, quarter or half-year counts for it; one day later leaves it missing
        assertThat(card.findings()).extracting(Finding::reason)
                .containsExactlyElementsOf(finding == null ? List.of() : List.of(finding));
    }

    @ParameterizedTest(name = "a report to the 党总支 dated {0}")
    @CsvSource({"2025-01-02", "2023-12-27"})
    void refusesAReportDatedOutsideThePeriod(String date) {
        // GIVEN the compliant branch with its last report to the 党总支 moved out of the year
        String facts = replace(text(COMPLIANT), "2024-12-27, recipient: GENERAL_BRANCH", date + ", recipient: GENERAL_BRANCH");

        // WHEN it is scored
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> score(RUBRIC_FILE, "boundary.yaml", facts));

        // THEN reading refuses the record at its field, instead of letting it count for no quarter
        assertThat(error).isInstanceOf(io.github.rubric.rules.FactsException.class)
                .hasMessageContaining("records.WorkReport[3].date: date " + date + " is outside the assessment period");
    }

    @ParameterizedTest(name = "a {0} without reports to a 党总支")
    @CsvSource({"PARTY_BRANCH, 4", "GENERAL_BRANCH, 0"})
    void asksOnlyABranchToReportToItsGeneralBranch(String type, int findings) {
        // GIVEN the compliant branch's facts without its reports to the 党总支
        String facts = text(COMPLIANT).replaceAll("(?m)^    - \\{ date: [0-9-]+, recipient: GENERAL_BRANCH }\\n", "")
                .replace("type: PARTY_BRANCH", "type: " + type);
        assertThat(facts).doesNotContain("recipient: GENERAL_BRANCH");

        // WHEN it is checked
        Scorecard card = score(RUBRIC_FILE, "reports.yaml", facts);

        // THEN a 党支部 misses all four quarters; a 党总支 has no 党总支 above it to report to
        assertThat(card.findings()).hasSize(findings)
                .allSatisfy(f -> assertThat(f.rule()).startsWith("16.1 "));
    }

    @ParameterizedTest(name = "duty {0}")
    @ValueSource(ints = {1, 6, 12, 19, 24})
    void putsAnAssessorsShortcomingUnderTheDutyItNames(int duty) {
        // GIVEN the compliant branch with one shortcoming found by the assessor
        String facts = text(COMPLIANT) + "  Shortcoming:\n    - { duty: DUTY_" + duty + ", note: 走过场 }\n";

        // WHEN it is checked
        Scorecard card = score(RUBRIC_FILE, "shortcoming.yaml", facts);

        // THEN it is the only finding, under that duty, citing the record
        assertThat(card.findings()).extracting(Finding::item, Finding::reason, f -> f.evidence().get(0).id())
                .containsExactly(tuple(String.valueOf(duty), "第" + duty + "条（考核人员认定）：走过场", "records.Shortcoming[0]"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{ member: 李明, reported: true }|{ member: 李明, reported: true }\\n  Shortcoming:\\n    - { duty: DUTY_25, note: x }|records.Shortcoming[0].duty|unknown value 'DUTY_25'; expected one of: DUTY_1,",
            "2024-03-20, recipient: GENERAL_MEETING }|2024-03-20, recipient: MEMBERS }|records.WorkReport[4].recipient|unknown value 'MEMBERS'; expected one of: GENERAL_BRANCH, GENERAL_MEETING",
            "{ member: 李明, reported: true }|{ member: 李明 }|records.MemberReport[1]|missing field reported of MemberReport",
            "{ type: DEMOCRATIC_LIFE_MEETING, date: 2024-12-19 }|{ type: DEMOCRATIC_LIFE_MEETING, date: 2025-01-08 }|meetings[44].date|outside the assessment period",
            "{ type: MEMBER_APPRAISAL, date: 2024-12-27 }|{ type: MEMBER_REVIEW, date: 2024-12-27 }|meetings[47].type|unknown value 'MEMBER_REVIEW'",
    })
    void refusesBadInputNamingThePath(String from, String to, String path, String problem) {
        // GIVEN the compliant branch's facts with one field broken
        String facts = replace(text(COMPLIANT), from, to.replace("\\n", "\n"));

        // WHEN they are read
        // THEN the error names the path and what was expected
        assertThatThrownBy(() -> RUBRIC_FILE.readFacts("bad.yaml", facts))
                .isInstanceOfSatisfying(FactsException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.line()).isPositive();
                    assertThat(e.getMessage()).startsWith("bad.yaml:" + e.line() + ": " + path + ": ").contains(problem);
                });
    }

    @Test
    void printsTheFindingsOfATypicalBranchAsAList() {
        // GIVEN the typical branch's scorecard
        Scorecard card = score(RUBRIC_FILE, GAPS);

        // WHEN it is printed
        String text = Scorecards.toText(card);

        // THEN it lists findings per duty, says where there are none, and counts them, without points
        assertThat(text).contains("项目                    发现的问题\n")
                .contains("（二）坚持各项党内制度\n")
                .contains("1 宣传贯彻路线方针政策  未发现问题\n")
                .contains("14 党员组织生活会制度   发现：第14条：2024年下半年没有召开党员组织生活会")
                .endsWith("合计                    发现问题17条，涉及11项（共24项）\n")
                .doesNotContain("分值").doesNotContain("总分");
    }

    @Test
    void firesEveryRuleOnSomeExampleBranch() {
        // GIVEN the example branches: compliant, typical, with nothing recorded, and with every duty short
        Stream<Scorecard> cards = Stream.of(score(RUBRIC_FILE, COMPLIANT), score(RUBRIC_FILE, GAPS),
                score(RUBRIC_FILE, "nothing.yaml", NOTHING_RECORDED), score(RUBRIC_FILE, "short.yaml", EVERY_DUTY_SHORT));

        // WHEN the rules that reported anything are collected
        var fired = rulesThatReported(cards);

        // THEN every rule of the rubric file is among them
        assertThat(fired).containsExactlyElementsOf(RUBRIC_FILE.ruleNames());
    }

    private static ItemScore item(Scorecard card, String id) {
        return card.item(id).orElseThrow();
    }

    private static List<String> ids(String list, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> list + "[" + i + "]").toList();
    }
}
