package io.github.rubric.model.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each fact describes itself in the rubric's language: the text a scorecard shows as evidence. */
class FactDescriptionTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 12);

    static Stream<Arguments> descriptions() {
        return Stream.of(
                described(Meeting.of("m1", MeetingType.GENERAL_MEETING, DAY), "2024-03-12 党员大会"),
                described(new Complaint("c1", DAY, "服务态度差", true), "2024-03-12 群众投诉：服务态度差（经查实）"),
                described(new Complaint("c1", DAY, "服务态度差", false), "2024-03-12 群众投诉：服务态度差（未查实）"),
                described(new DisciplinaryCase("d1", DAY, "李四", Role.CADRE, CaseSeverity.PARTY_DISCIPLINE, true,
                        "违规发放补贴"), "2024-03-12 一般干部李四 党纪处分：违规发放补贴（知情不报）"),
                described(new DisciplinaryCase("d1", DAY, "李四", Role.LEADER, CaseSeverity.CRIMINAL, false, null),
                        "2024-03-12 班子成员李四 刑事处理"),
                described(new Incident("i1", DAY, IncidentKind.SAFETY, IncidentSeverity.MAJOR, "车间火灾"),
                        "2024-03-12 重大安全事故：车间火灾"),
                described(new Incident("i1", DAY, IncidentKind.PETITION, IncidentSeverity.ORDINARY, null),
                        "2024-03-12 一般群体性上访事件"),
                described(new Submission("s1", SubmissionKind.INFORMATION_REPORT, DAY, "春耕服务", true),
                        "2024-03-12 党建信息《春耕服务》"),
                described(new Submission("s1", SubmissionKind.RESEARCH_ARTICLE, DAY, null, false),
                        "2024-03-12 调研文章（未采用）"),
                described(new Document("doc1", DocumentKind.DUES_LEDGER, true, null), "党费台帐（齐全）"),
                described(new Document("doc1", DocumentKind.DUES_LEDGER, false, "缺3月记录"), "党费台帐（不完整：缺3月记录）"),
                described(new Document("doc1", DocumentKind.WORK_PLAN, false, null), "工作计划（不完整）"),
                described(new Activity("a1", ActivityKind.HIGHER_LEVEL_EVENT, DAY, "七一表彰大会", true, null, null),
                        "2024-03-12 上级会议和活动「七一表彰大会」（未参加）"),
                described(new Activity("a1", ActivityKind.MASS_SERVICE, DAY, null, false, 8, 10),
                        "2024-03-12 联系服务群众活动"),
                described(new Task("t1", DAY, "报送年度总结", true), "2024-03-12 交办任务「报送年度总结」（已完成）"),
                described(new Task("t1", DAY, "报送年度总结", false), "2024-03-12 交办任务「报送年度总结」（未完成）"),
                described(new Award("w1", AwardLevel.PROVINCIAL, "先进党组织", "先进基层党组织", DAY),
                        "2024-03-12 省级「先进基层党组织」"),
                described(new Judgement("j1", "3", "较好", null, "记录齐全", "赵六"), "评定第3项：较好（记录齐全）"),
                described(new Judgement("j1", "5", null, new BigDecimal("4.5"), null, null), "评定第5项：4.5分"),
                described(new Judgement("j1", "5", null, null, "未评定", null), "评定第5项（未评定）"),
                described(new DuesPayment("p1", "张三", YearMonth.of(2024, 3), new BigDecimal("50"),
                        new BigDecimal("40"), DAY), "张三 2024-03 党费 应缴50元 实缴40元"),
                described(new DuesRemittance("r1", 2, null, null, LocalDate.of(2024, 6, 20)), "第2季度党费 2024-06-20上交"),
                described(new Organization("o1", "测试党支部", OrganizationType.PARTY_BRANCH, 12), "测试党支部（党支部）"),
                described(new Person("p1", "王敏", Role.LEADER, "宣传教育科"), "王敏（宣传教育科）"),
                described(new Person("p1", "王敏", Role.STAFF, null), "王敏"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptions")
    void describesItselfInTheRubricsLanguage(Fact fact, String expected) {
        // GIVEN a fact / WHEN described / THEN
        assertThat(fact.describe()).isEqualTo(expected);
    }

    private static Arguments described(Fact fact, String text) {
        return arguments(named(fact.getClass().getSimpleName() + " -> " + text, fact), text);
    }
}
