package io.github.rubric.rules;

import static io.github.rubric.rules.ScoreRoundsTest.INSPECTIONS;
import static io.github.rubric.rules.ScoreRoundsTest.SELF_REVIEW;
import static io.github.rubric.rules.ScoreRoundsTest.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.model.result.CombinedScorecard;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinedScorecardsTest {
    private static CombinedScorecard selfAndReview() {
        return SELF_REVIEW.scoreRounds(List.of(
                facts(SELF_REVIEW, "self.yaml", "SELF", 3, 0, ""),
                facts(SELF_REVIEW, "review.yaml", "REVIEW", 2, 1, "")));
    }

    private static CombinedScorecard inspectionsAndAnnual() {
        return INSPECTIONS.scoreRounds(List.of(
                facts(INSPECTIONS, "inspection-1.yaml", "INSPECTION", 3, 0, ""),
                facts(INSPECTIONS, "inspection-2.yaml", "INSPECTION", 2, 1, ""),
                facts(INSPECTIONS, "annual.yaml", "ANNUAL", 3, 0,
                        "awards:\n  - { level: COUNTY, achievement: 先进党组织, title: 县级先进, date: 2024-06-01 }\n")));
    }

    @Test
    void jsonReadsBackToAnEqualCombinedScorecard() {
        // GIVEN
        CombinedScorecard combined = inspectionsAndAnnual();

        // WHEN
        String json = Scorecards.toJson(combined);

        // THEN
        assertThat(Scorecards.combinedFromJson(json)).isEqualTo(combined);
        assertThat(json).contains("\"weightedTotal\" : 7.85", "\"bonusTotal\" : 2", "\"total\" : 9.85",
                "\"weighted\" : 1.725", "\"deducted\" : 4.25");
    }

    @Test
    void jsonKeepsTheComparisonOfSelfAssessmentAndReview() {
        // GIVEN
        CombinedScorecard combined = selfAndReview();

        // WHEN
        String json = Scorecards.toJson(combined);

        // THEN
        assertThat(Scorecards.combinedFromJson(json)).isEqualTo(combined);
        assertThat(json).contains("\"selfScore\" : 4.75", "\"reviewScore\" : 3.5", "\"difference\" : -1.25")
                .doesNotContain("\"differs\"");
    }

    @Test
    void jsonOfTheSameRoundsIsTheSameByteForByte() {
        assertThat(Scorecards.toJson(selfAndReview())).isEqualTo(Scorecards.toJson(selfAndReview()));
    }

    @Test
    void jsonThatIsNotACombinedScorecardIsRejected() {
        assertThatThrownBy(() -> Scorecards.combinedFromJson("{ \"total\": 1, \"colour\": \"red\" }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a combined scorecard: ");
    }

    @Test
    void textShowsTheWeightsTheRoundingAndWhySelfAndReviewDiffer() {
        // WHEN
        String text = Scorecards.toText(selfAndReview());

        // THEN
        assertThat(text).contains(
                "年度总评：自查×30% + 复查×70%\n",
                "自查            30%   8.75    2.625     self.yaml\n",
                "复查            70%   7       4.9       review.yaml\n",
                "加权合计              7.53              7.525，四舍五入保留2位小数\n",
                "年度总分              7.53              合格  等次：中\n",
                "1 会议                  6     4.75  3.5   -1.25 仅自查：-1.25 全年召开党员大会3次，要求不少于4次，扣1.25分"
                        + " [meetings[0], meetings[1], meetings[2]]\n",
                "                                                仅复查：-2.5 全年召开党员大会2次，要求不少于4次，扣2.5分"
                        + " [meetings[0], meetings[1]]\n",
                "2 信息                  4     4     3.5   -0.5  仅复查：-0.5 党建信息未被采用，扣0.5分 [submissions[0]]\n",
                "==== 自查：self.yaml ====\n",
                "==== 复查：review.yaml ====\n");
        assertThat(text).doesNotContain("项自查与复查一致");
    }

    @Test
    void textShowsAccumulatedInspectionsAndTheBonusOnTheCombinedTotal() {
        // WHEN
        String text = Scorecards.toText(inspectionsAndAnnual());

        // THEN
        assertThat(text).contains(
                "专项督查        30%   5.75    1.725     2次专项督查共扣4.25分（inspection-1.yaml扣1.25分，inspection-2.yaml扣3分），10−4.25=5.75分\n",
                "年终综合考评    70%   8.75    6.125     annual.yaml；本轮加分2分不计入本轮得分，在加权合计后按规定计入\n",
                "加权合计              7.85              \n",
                "加分            2     2                 获得「县级先进」，加2分 [awards[0]]\n",
                "年度总分              9.85              合格  等次：好\n",
                "==== 专项督查：inspection-1.yaml ====\n",
                "==== 专项督查：inspection-2.yaml ====\n",
                "==== 年终综合考评：annual.yaml ====\n");
        assertThat(text).doesNotContain("自查与复查对比");
    }
}
