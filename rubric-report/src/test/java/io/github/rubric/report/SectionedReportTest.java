package io.github.rubric.report;

import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.batch.Batch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports of a rubric with several sections: section rows in the score sheets and a chart of section averages. */
class SectionedReportTest {
    private static final String RUBRIC = """
            /*---
            id: sectioned
            title: 分栏目测试细则
            issuer: 测试
            version: "1"
            totalPoints: 100
            passLine: 60
            sections:
              - id: org
                title: 组织建设
                maxPoints: 40
                items:
                  - { id: "1", title: 党员大会, maxPoints: 40, requirement: 不少于4次, criteria: 每少1次扣10分 }
              - id: work
                title: 作风建设
                maxPoints: 60
                items:
                  - { id: "2", title: 作风, maxPoints: 60, requirement: 无投诉, criteria: 有1件扣15分 }
            ---*/
            package sectioned;

            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            rule "1 党员大会不少于4次，每少1次扣10分"
                @item("1")
            when
                $held : List( size < 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
            then
                score.shortfall(4, $held, "10", "党员大会{actual}次，扣{points}分");
            end

            rule "2 群众投诉经查实的，有1件扣15分"
                @item("2")
            when
                $verified : List( !isEmpty ) from collect( Complaint( verified ) )
            then
                score.deductEach($verified.size(), "15", "投诉经查实{count}件，扣{points}分");
            end
            """;

    @TempDir
    Path dir;

    private Path facts(String id, int meetings, int complaints) throws IOException {
        StringBuilder text = new StringBuilder("subject: { kind: organization, id: " + id + ", name: " + id
                + "支部, type: PARTY_BRANCH }\nperiod: 2024\nmeetings:\n");
        for (int i = 0; i < meetings; i++) {
            text.append("  - { type: GENERAL_MEETING, date: 2024-0").append(i + 1).append("-10 }\n");
        }
        text.append(complaints > 0 ? "complaints:\n" : "");
        for (int i = 0; i < complaints; i++) {
            text.append("  - { date: 2024-0").append(i + 1).append("-05, summary: 推诿, verified: true }\n");
        }
        return Files.writeString(dir.resolve(id + ".yaml"), text.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void showsSectionRowsAndAChartOfSectionAverages() throws IOException {
        // GIVEN a: 40 + 45 = 85; b: 20 + 60 = 80
        Rubric rubric = Rubric.fromString("sectioned.drl", RUBRIC);
        facts("a", 4, 1);
        facts("b", 2, 0);

        // WHEN
        Report report = Report.of(Batch.of(rubric).score(dir));
        String html = report.html();

        // THEN
        assertThat(report.result().failures()).isEmpty();
        assertThat(report.ranking().sectionAverages()).extracting(a -> a.title() + "=" + a.average().toPlainString())
                .containsExactly("组织建设=30", "作风建设=52.5");
        assertThat(html).contains("<figcaption>各栏目平均得分</figcaption>")
                .contains("aria-label=\"各栏目平均得分\"")
                .contains(">30 / 40</text>").contains(">52.5 / 60</text>")
                .contains("<tr class=\"section\"><td>组织建设</td>");
        assertThat(report.csv().lines().toList().get(1)).startsWith("ranked,1,a,a支部,PARTY_BRANCH,2024-01-01,2024-12-31,"
                + "REVIEW,85,true,,,0,40,45,");
    }
}
