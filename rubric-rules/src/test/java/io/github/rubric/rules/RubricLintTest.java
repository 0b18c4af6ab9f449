package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RubricLintTest {
    private static final String HEADER = """
            /*---
            id: lint
            title: 检查
            version: "1"
            totalPoints: 20
            bonus: { cap: 5 }
            sections:
              - id: all
                title: 全部
                maxPoints: 20
                items:
                  - id: "1"
                    title: 党员大会
                    maxPoints: 4
                    criteria: 全年不少于4次，每少1次扣1分；记录不规范的扣1分
                  - id: "2"
                    title: 群众投诉
                    maxPoints: 5
                    criteria: 查实1件扣8分
                  - id: "3"
                    title: 党务公开
                    maxPoints: 6
                    criteria: 未公开的扣2分
                  - id: "4"
                    title: 台帐
                    maxPoints: 5
            ---*/
            package lint;

            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;
            """;

    @Test
    void warns_of_what_an_author_likely_got_wrong_with_the_line() {
        // GIVEN
        String text = HEADER + """

                declare Ledger
                    complete : boolean
                end

                rule "1 全年召开党员大会不少于4次，每少1次扣1分"
                    @item("1")
                when
                    $held : List( size < 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
                then
                    score.shortfall(4, $held, "1", "党员大会{actual}次，扣{points}分");
                end

                rule "2 群众投诉经查实的，有1件扣8分"
                    @item("2")
                when
                    Complaint( verified )
                then
                    score.deduct("8", "投诉查实，扣{points}分");
                end

                rule "3 未实行党务公开的扣2分"
                    @item("3")
                when
                    not Document( kind == DocumentKind.DISCLOSURE )
                then
                    score.deduct("2", "未实行党务公开，扣{points}分");
                end

                rule "4 台帐不全"
                    @item("4")
                when
                    not Document( kind == DocumentKind.MEMBER_REGISTER )
                then
                    // forgot to deduct
                end

                rule "奖励 获表彰"
                    @item("4")
                when
                    Award()
                then
                    score.bonus("表彰", "2", "获表彰，加{points}分");
                end
                """;
        Rubric rubric = Rubric.fromString("lint.drl", text);

        // WHEN
        List<RubricLint.Warning> warnings = RubricLint.check(rubric);

        // THEN
        assertThat(warnings).extracting(RubricLint.Warning::toString).containsExactly(
                "lint.drl:15: warning: item '1' (党员大会): its criteria name 2 deductions (扣1分、扣1分) but only 1 rule"
                        + " scores it; a criterion may have no rule",
                "lint.drl:20: warning: item '3' (党务公开, 6 points): its rules can deduct at most 2 together, so it never"
                        + " scores below 4; right only if the criteria mean it",
                "lint.drl:35: warning: declared type 'Ledger' is examined by no rule: facts files may give it, but it"
                        + " changes no score",
                "lint.drl:47: warning: rule \"2 群众投诉经查实的，有1件扣8分\" deducts 8 at a time from item '2' (群众投诉),"
                        + " which has only 5 points: it can never take what it says",
                "lint.drl:63: warning: rule \"4 台帐不全\" makes no score.… call: it can never change a score or record a"
                        + " finding",
                "lint.drl:71: warning: rule \"奖励 获表彰\" calls score.bonus but is not marked @bonus: it fails whenever"
                        + " it fires");
    }

    @Test
    void a_rubric_whose_rules_cover_their_criteria_has_no_warnings() {
        // GIVEN
        String text = HEADER.replace("；记录不规范的扣1分", "").replace("查实1件扣8分", "查实1件扣1分")
                .replace("maxPoints: 6\n        criteria: 未公开的扣2分", "maxPoints: 6\n        criteria: 未公开的不得分") + """

                rule "1 全年召开党员大会不少于4次，每少1次扣1分"
                    @item("1")
                when
                    $held : List( size < 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
                then
                    score.shortfall(4, $held, "1", "党员大会{actual}次，扣{points}分");
                end

                rule "2 群众投诉经查实的，有1件扣1分"
                    @item("2")
                when
                    $c : Complaint( verified )
                then
                    score.deduct("1", "投诉查实，扣{points}分", $c);
                end

                rule "3 未实行党务公开的不得分"
                    @item("3")
                when
                    not Document( kind == DocumentKind.DISCLOSURE )
                then
                    score.zero("未实行党务公开");
                end

                rule "4 台帐每缺一本扣1分"
                    @item("4")
                when
                    $missing : List( !isEmpty ) from collect( Document( !complete ) )
                then
                    score.deductEach($missing.size(), "1", "台帐不全{count}本，扣{points}分");
                end

                rule "奖励 获表彰"
                    @bonus
                when
                    Award()
                then
                    score.bonus("表彰", "2", "获表彰，加{points}分");
                end
                """;

        // WHEN
        List<RubricLint.Warning> warnings = RubricLint.check(Rubric.fromString("clean.drl", text));

        // THEN
        assertThat(warnings).isEmpty();
    }
}
