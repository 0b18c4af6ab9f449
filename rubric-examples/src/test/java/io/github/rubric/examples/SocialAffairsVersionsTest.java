package io.github.rubric.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.RubricDiff;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's rubric against a made-up 2025 edition (test data) in which item 18 costs 2 points a missing
 * piece instead of 1.5: the same facts, scored by both.
 */
class SocialAffairsVersionsTest {
    private static final Rubric EDITION_2024 = BundledRubrics.SOCIAL_AFFAIRS.rubric();
    private static final Rubric EDITION_2025 =
            Rubric.fromClasspath("io/github/rubric/examples/socialaffairs/social-affairs-bureau-2025.drl");

    @Test
    void the_editions_carry_their_versions_and_effective_periods() {
        assertThat(EDITION_2024.ref().version()).isEqualTo("1.0");
        assertThat(EDITION_2025.ref().version()).isEqualTo("2025");
        assertThat(EDITION_2025.definition().effectiveFrom()).hasToString("2025-01-01");
        assertThat(EDITION_2025.definition().effectiveTo()).hasToString("2025-12-31");
        assertThat(EDITION_2025.ref().sha256()).isNotEqualTo(EDITION_2024.ref().sha256());
    }

    @Test
    void a_branch_short_of_information_reports_loses_more_under_the_2025_edition() throws URISyntaxException {
        // GIVEN one of four information reports forwarded: 3 missing
        Path facts = facts("branch-with-shortfalls.yaml");

        // WHEN
        RubricDiff.Report report = RubricDiff.between(EDITION_2024, EDITION_2025).compare(List.of(facts));

        // THEN 3 × 1.5 = 4.5 against 3 × 2 = 6, floored at the item's 6 points
        RubricDiff.SubjectDiff branch = report.subjects().get(0);
        assertThat(branch.before().total()).isEqualByComparingTo("72.5");
        assertThat(branch.after().total()).isEqualByComparingTo("71");
        assertThat(branch.items()).singleElement().satisfies(item -> {
            assertThat(item.item()).isEqualTo("18");
            assertThat(item.before()).isEqualByComparingTo("1.5");
            assertThat(item.after()).isEqualByComparingTo("0");
            assertThat(item.reasonsBefore()).containsExactly("-4.5 组织人事处收到并转发的党建信息1篇，要求不少于4篇，扣4.5分");
            assertThat(item.reasonsAfter()).containsExactly("-6 组织人事处收到并转发的党建信息1篇，要求不少于4篇，扣6分");
        });
        assertThat(branch.notes()).containsExactly(
                "考核期间 2024-01-01 至 2024-12-31 不在 2025 版的有效期（2025-01-01 至 2025-12-31）内");
        assertThat(report.changes()).contains(
                "18 党建信息：考核标准：“以组织人事处收到并转发到相关部门或网站上为依据，每少1篇扣1.5分”"
                        + " → “以组织人事处收到并转发到相关部门或网站上为依据，每少1篇扣2分”",
                "有效期：“未注明” → “2025-01-01 至 2025-12-31”");
    }

    @Test
    void a_branch_with_all_its_reports_scores_the_same_under_both() throws URISyntaxException {
        // WHEN
        RubricDiff.Report report = RubricDiff.between(EDITION_2024, EDITION_2025)
                .compare(List.of(facts("model-branch.yaml")));

        // THEN
        assertThat(report.subjects().get(0).changed()).isFalse();
        assertThat(report.toText()).contains("文化科党支部（").contains("：总分 100 → 100，无变化");
    }

    private static Path facts(String name) throws URISyntaxException {
        return Path.of(SocialAffairsVersionsTest.class.getResource("socialaffairs/facts/" + name).toURI());
    }
}
