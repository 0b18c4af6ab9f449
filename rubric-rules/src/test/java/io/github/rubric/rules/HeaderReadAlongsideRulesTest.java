package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** The header is read on its own thread while the rules compile; problems still come as if one followed the other. */
class HeaderReadAlongsideRulesTest {
    private static final String HEADER = """
            /*---
            id: t
            title: 测试
            issuer: 测试
            version: "1"
            totalPoints: 5
            sections:
              - id: s
                title: 全部
                maxPoints: 5
                items:
                  - { id: "1", title: 会议, maxPoints: 5, requirement: 开会, criteria: 少开扣分 }
            ---*/
            package t;
            import io.github.rubric.model.fact.*;
            global io.github.rubric.rules.Scoring score;
            """;

    private static final String BROKEN_RULE = """
            rule "1 坏规则" @item("1")
            when
                Meeting( type == )
            then
                score.deduct("1", "x");
            end
            """;

    @Test
    void aProblemInTheHeaderIsReportedRatherThanTheRulesProblems() {
        // GIVEN (trusted: safe mode would first refuse the rule it cannot parse)
        String text = HEADER.replace("totalPoints: 5", "totalPoints: 5\nunknownField: 1") + BROKEN_RULE;
        // WHEN
        RubricException e = catchThrowableOfType(() -> Rubric.loader().trusted().fromString("t.drl", text),
                RubricException.class);
        // THEN
        assertThat(e.problems()).isNotEmpty().noneMatch(p -> p.message().startsWith("rules:"));
        assertThat(e.getMessage()).contains("unknownField");
    }

    @Test
    void safeModeRefusesBeforeTheHeaderIsLookedAt() {
        // GIVEN a file with a broken header and a consequence safe mode refuses
        String text = HEADER.replace("totalPoints: 5", "totalPoints: 5\nunknownField: 1")
                + BROKEN_RULE.replace("Meeting( type == )", "Meeting()").replace("score.deduct(\"1\", \"x\");",
                        "System.exit(1);");
        // WHEN
        RubricException e = catchThrowableOfType(() -> Rubric.fromString("t.drl", text), RubricException.class);
        // THEN
        assertThat(e.problems()).isNotEmpty().anyMatch(p -> p.message().startsWith("safe mode:"));
        assertThat(e.getMessage()).doesNotContain("unknownField");
    }

    @Test
    void withASoundHeaderTheRulesProblemsAreReported() {
        // WHEN
        RubricException e = catchThrowableOfType(() -> Rubric.fromString("t.drl", HEADER + BROKEN_RULE), RubricException.class);
        // THEN
        assertThat(e.problems()).isNotEmpty().allMatch(p -> p.message().startsWith("rules:"));
    }
}
