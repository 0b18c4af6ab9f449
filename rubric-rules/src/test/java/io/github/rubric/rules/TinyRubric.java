package io.github.rubric.rules;

/** A two-item rubric written inline for the tests of this package, in versions that differ. */
final class TinyRubric {
    private TinyRubric() {
    }

    /**
     * @param version the version in the header
     * @param meetingPoints the points per missing general meeting, as rule text ("1", "1.5")
     * @return the rubric file's text
     */
    static String text(String version, String meetingPoints) {
        return """
                /*---
                id: tiny
                title: 测试细则
                version: "%s"
                totalPoints: 10
                passLine: 6
                gradeBands: [ { name: 好, min: 8 }, { name: 差, min: 0 } ]
                sections:
                  - id: all
                    title: 全部
                    maxPoints: 10
                    items:
                      - id: "1"
                        title: 党员大会
                        maxPoints: 6
                        criteria: 全年不少于4次，每少1次扣%s分
                      - id: "2"
                        title: 群众投诉
                        maxPoints: 4
                        criteria: 查实1件扣1分
                ---*/
                package tiny;

                import java.util.List;
                import io.github.rubric.model.fact.*;

                global io.github.rubric.rules.Scoring score;

                rule "1 全年召开党员大会不少于4次，每少1次扣%s分"
                    @item("1")
                when
                    $held : List( size < 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
                then
                    score.shortfall(4, $held, "%s", "全年召开党员大会{actual}次，扣{points}分");
                end

                rule "2 群众投诉经查实的，有1件扣1分"
                    @item("2")
                when
                    $c : Complaint( verified )
                then
                    score.deduct("1", "群众投诉经查实：" + $c.summary() + "，扣{points}分");
                end
                """.formatted(version, meetingPoints, meetingPoints, meetingPoints);
    }

    /** @return version 1, one point per missing meeting */
    static Rubric load() {
        return Rubric.fromString("tiny.drl", text("1", "1"));
    }

    /** Facts with the given number of general meetings, one committee meeting and complaints verified or not. */
    static String facts(int generalMeetings, boolean... complaintsVerified) {
        StringBuilder out = new StringBuilder("""
                subject: { kind: organization, id: b1, name: 一支部, type: PARTY_BRANCH }
                period: 2024
                meetings:
                  - { type: COMMITTEE_MEETING, date: 2024-01-05 }
                """);
        for (int i = 0; i < generalMeetings; i++) {
            out.append("  - { type: GENERAL_MEETING, date: 2024-0").append(i + 1).append("-10 }\n");
        }
        if (complaintsVerified.length > 0) {
            out.append("complaints:\n");
            for (int i = 0; i < complaintsVerified.length; i++) {
                out.append("  - { date: 2024-05-1").append(i).append(", summary: 投诉").append(i + 1)
                        .append(", verified: ").append(complaintsVerified[i]).append(" }\n");
            }
        }
        return out.toString();
    }
}
