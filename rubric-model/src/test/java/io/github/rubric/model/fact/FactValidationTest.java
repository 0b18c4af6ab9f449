package io.github.rubric.model.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.rubric.model.InvalidValueException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fact record validates itself when built: a representative valid instance builds, and each missing, blank
 * or negative field fails with an {@link InvalidValueException} naming that field, which readers of facts files
 * turn into a path such as {@code meetings[3].attended}.
 */
class FactValidationTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 12);
    private static final BigDecimal FIFTY = new BigDecimal("50");
    private static final BigDecimal MINUS_ONE = new BigDecimal("-1");

    static Stream<Arguments> validFacts() {
        return Stream.of(
                valid("Meeting", () -> new Meeting("m1", MeetingType.GENERAL_MEETING, DAY, 9, 10, List.of("张三"),
                        Role.LEADER, null, "学习党章")),
                valid("Meeting with only kind and day", () -> Meeting.of("m1", MeetingType.PARTY_LECTURE, DAY)),
                valid("DuesPayment", () -> new DuesPayment("p1", "张三", YearMonth.of(2024, 3), FIFTY, FIFTY, DAY)),
                valid("DuesRemittance", () -> new DuesRemittance("r1", 1, FIFTY, FIFTY, DAY)),
                valid("DuesRemittance without amounts", () -> new DuesRemittance("r1", 4, null, null, DAY)),
                valid("Complaint", () -> new Complaint("c1", DAY, "服务态度差", true)),
                valid("DisciplinaryCase", () -> new DisciplinaryCase("d1", DAY, "李四", Role.CADRE,
                        CaseSeverity.PARTY_DISCIPLINE, false, null)),
                valid("Incident", () -> new Incident("i1", DAY, IncidentKind.SAFETY, IncidentSeverity.ORDINARY, null)),
                valid("Submission", () -> new Submission("s1", SubmissionKind.INFORMATION_REPORT, DAY, null, true)),
                valid("Document", () -> new Document("doc1", DocumentKind.DUES_LEDGER, false, null)),
                valid("Activity", () -> new Activity("a1", ActivityKind.STUDY_TRAINING, DAY, null, false, 0, 0)),
                valid("Task", () -> new Task("t1", DAY, "报送材料", false)),
                valid("Award", () -> new Award("w1", AwardLevel.COUNTY, "先进党组织", "先进基层党组织", DAY)),
                valid("Judgement with a grade", () -> new Judgement("j1", "3", "较好", null, null, null)),
                valid("Judgement with points", () -> new Judgement("j1", "5", null, BigDecimal.ZERO, null, null)),
                valid("Organization", () -> new Organization("o1", "测试党支部", OrganizationType.PARTY_BRANCH, 0)),
                valid("Person", () -> new Person("p1", "王敏", Role.LEADER, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFacts")
    void buildsAValidFact(Supplier<Object> build) {
        // GIVEN fields that meet every check
        // WHEN built
        Object fact = build.get();

        // THEN it exists and, as a fact, identifies and describes itself
        assertThat(fact).isNotNull();
        if (fact instanceof Fact f) {
            assertThat(f.id()).isNotBlank();
            assertThat(f.describe()).isNotBlank();
        }
    }

    static Stream<Arguments> invalidFacts() {
        return Stream.of(
                invalid("Meeting without id", () -> new Meeting(null, MeetingType.GENERAL_MEETING, DAY, null, null,
                        null, null, null, null), "id"),
                invalid("Meeting with blank id", () -> new Meeting(" ", MeetingType.GENERAL_MEETING, DAY, null, null,
                        null, null, null, null), "id"),
                invalid("Meeting without type", () -> new Meeting("m1", null, DAY, null, null, null, null, null, null),
                        "type"),
                invalid("Meeting without date", () -> new Meeting("m1", MeetingType.GENERAL_MEETING, null, null, null,
                        null, null, null, null), "date"),
                invalid("Meeting with negative attended", () -> new Meeting("m1", MeetingType.GENERAL_MEETING, DAY, -1,
                        10, null, null, null, null), "attended"),
                invalid("Meeting with negative expected", () -> new Meeting("m1", MeetingType.GENERAL_MEETING, DAY, 1,
                        -10, null, null, null, null), "expected"),

                invalid("DuesPayment without id", () -> new DuesPayment("", "张三", YearMonth.of(2024, 3), FIFTY, FIFTY,
                        DAY), "id"),
                invalid("DuesPayment without member", () -> new DuesPayment("p1", null, YearMonth.of(2024, 3), FIFTY,
                        FIFTY, DAY), "member"),
                invalid("DuesPayment without month", () -> new DuesPayment("p1", "张三", null, FIFTY, FIFTY, DAY),
                        "month"),
                invalid("DuesPayment without due", () -> new DuesPayment("p1", "张三", YearMonth.of(2024, 3), null,
                        FIFTY, DAY), "due"),
                invalid("DuesPayment without paid", () -> new DuesPayment("p1", "张三", YearMonth.of(2024, 3), FIFTY,
                        null, DAY), "paid"),
                invalid("DuesPayment without date", () -> new DuesPayment("p1", "张三", YearMonth.of(2024, 3), FIFTY,
                        FIFTY, null), "date"),
                invalid("DuesPayment with negative due", () -> new DuesPayment("p1", "张三", YearMonth.of(2024, 3),
                        MINUS_ONE, FIFTY, DAY), "due"),
                invalid("DuesPayment with negative paid", () -> new DuesPayment("p1", "张三", YearMonth.of(2024, 3),
                        FIFTY, MINUS_ONE, DAY), "paid"),

                invalid("DuesRemittance without id", () -> new DuesRemittance(null, 1, FIFTY, FIFTY, DAY), "id"),
                invalid("DuesRemittance for quarter 0", () -> new DuesRemittance("r1", 0, FIFTY, FIFTY, DAY),
                        "quarter"),
                invalid("DuesRemittance for quarter 5", () -> new DuesRemittance("r1", 5, FIFTY, FIFTY, DAY),
                        "quarter"),
                invalid("DuesRemittance with negative amount", () -> new DuesRemittance("r1", 1, MINUS_ONE, FIFTY,
                        DAY), "amount"),
                invalid("DuesRemittance with negative due", () -> new DuesRemittance("r1", 1, FIFTY, MINUS_ONE, DAY),
                        "due"),
                invalid("DuesRemittance without date", () -> new DuesRemittance("r1", 1, FIFTY, FIFTY, null), "date"),

                invalid("Complaint without id", () -> new Complaint(null, DAY, "服务态度差", true), "id"),
                invalid("Complaint without date", () -> new Complaint("c1", null, "服务态度差", true), "date"),
                invalid("Complaint with blank summary", () -> new Complaint("c1", DAY, "  ", true), "summary"),

                invalid("DisciplinaryCase without id", () -> new DisciplinaryCase(null, DAY, "李四", Role.CADRE,
                        CaseSeverity.VIOLATION, false, null), "id"),
                invalid("DisciplinaryCase without date", () -> new DisciplinaryCase("d1", null, "李四", Role.CADRE,
                        CaseSeverity.VIOLATION, false, null), "date"),
                invalid("DisciplinaryCase with blank person", () -> new DisciplinaryCase("d1", DAY, "", Role.CADRE,
                        CaseSeverity.VIOLATION, false, null), "person"),
                invalid("DisciplinaryCase without role", () -> new DisciplinaryCase("d1", DAY, "李四", null,
                        CaseSeverity.VIOLATION, false, null), "role"),
                invalid("DisciplinaryCase without severity", () -> new DisciplinaryCase("d1", DAY, "李四", Role.CADRE,
                        null, false, null), "severity"),

                invalid("Incident without id", () -> new Incident(" ", DAY, IncidentKind.SAFETY,
                        IncidentSeverity.MAJOR, null), "id"),
                invalid("Incident without date", () -> new Incident("i1", null, IncidentKind.SAFETY,
                        IncidentSeverity.MAJOR, null), "date"),
                invalid("Incident without kind", () -> new Incident("i1", DAY, null, IncidentSeverity.MAJOR, null),
                        "kind"),
                invalid("Incident without severity", () -> new Incident("i1", DAY, IncidentKind.SAFETY, null, null),
                        "severity"),

                invalid("Submission without id", () -> new Submission(null, SubmissionKind.NEWS_ARTICLE, DAY, null,
                        true), "id"),
                invalid("Submission without kind", () -> new Submission("s1", null, DAY, null, true), "kind"),
                invalid("Submission without date", () -> new Submission("s1", SubmissionKind.NEWS_ARTICLE, null, null,
                        true), "date"),

                invalid("Document without id", () -> new Document(null, DocumentKind.WORK_PLAN, true, null), "id"),
                invalid("Document without kind", () -> new Document("doc1", null, true, null), "kind"),

                invalid("Activity without id", () -> new Activity("", ActivityKind.CULTURE, DAY, null, false, null,
                        null), "id"),
                invalid("Activity without kind", () -> new Activity("a1", null, DAY, null, false, null, null), "kind"),
                invalid("Activity without date", () -> new Activity("a1", ActivityKind.CULTURE, null, null, false,
                        null, null), "date"),
                invalid("Activity with negative participants", () -> new Activity("a1", ActivityKind.CULTURE, DAY,
                        null, false, -3, null), "participants"),
                invalid("Activity with negative expected", () -> new Activity("a1", ActivityKind.CULTURE, DAY, null,
                        false, 3, -1), "expected"),

                invalid("Task without id", () -> new Task(null, DAY, "报送材料", true), "id"),
                invalid("Task without date", () -> new Task("t1", null, "报送材料", true), "date"),
                invalid("Task with blank title", () -> new Task("t1", DAY, " ", true), "title"),

                invalid("Award without id", () -> new Award(null, AwardLevel.COUNTY, "先进", "先进党组织", DAY), "id"),
                invalid("Award without level", () -> new Award("w1", null, "先进", "先进党组织", DAY), "level"),
                invalid("Award with blank achievement", () -> new Award("w1", AwardLevel.COUNTY, "", "先进党组织", DAY),
                        "achievement"),
                invalid("Award without title", () -> new Award("w1", AwardLevel.COUNTY, "先进", null, DAY), "title"),
                invalid("Award without date", () -> new Award("w1", AwardLevel.COUNTY, "先进", "先进党组织", null),
                        "date"),

                invalid("Judgement without id", () -> new Judgement(null, "3", "较好", null, null, null), "id"),
                invalid("Judgement without item", () -> new Judgement("j1", " ", "较好", null, null, null), "item"),
                invalid("Judgement with negative points", () -> new Judgement("j1", "5", null, MINUS_ONE, null, null),
                        "points"),

                invalid("Organization without id", () -> new Organization(null, "测试党支部",
                        OrganizationType.PARTY_BRANCH, null), "id"),
                invalid("Organization with blank name", () -> new Organization("o1", "",
                        OrganizationType.PARTY_BRANCH, null), "name"),
                invalid("Organization without type", () -> new Organization("o1", "测试党支部", null, null), "type"),
                invalid("Organization with negative members", () -> new Organization("o1", "测试党支部",
                        OrganizationType.PARTY_BRANCH, -1), "members"),

                invalid("Person without id", () -> new Person(null, "王敏", Role.LEADER, null), "id"),
                invalid("Person with blank name", () -> new Person("p1", " ", Role.LEADER, null), "name"),
                invalid("Person without role", () -> new Person("p1", "王敏", null, null), "role"),

                invalid("FactSet without source", () -> new FactSet(null, organization(), AssessmentPeriod.ofYear(2024),
                        Round.ANNUAL, List.of()), "source"),
                invalid("FactSet without subject", () -> new FactSet("a.yaml", null, AssessmentPeriod.ofYear(2024),
                        Round.ANNUAL, List.of()), "subject"),
                invalid("FactSet without period", () -> new FactSet("a.yaml", organization(), null, Round.ANNUAL,
                        List.of()), "period"),
                invalid("FactSet without round", () -> new FactSet("a.yaml", organization(),
                        AssessmentPeriod.ofYear(2024), null, List.of()), "round"),
                invalid("FactSet without facts", () -> new FactSet("a.yaml", organization(),
                        AssessmentPeriod.ofYear(2024), Round.ANNUAL, null), "facts"));
    }

    @ParameterizedTest(name = "{0} -> field {1}")
    @MethodSource("invalidFacts")
    void refusesAnInvalidFieldNamingIt(ThrowingCallable build, String field) {
        // GIVEN a fact with one missing, blank, negative or out-of-range field
        // WHEN built / THEN the exception names that field and says what is wrong
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(build)
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).isNotBlank();
                    assertThat(e.getMessage()).startsWith(field + ": ");
                });
    }

    private static Organization organization() {
        return new Organization("o1", "测试党支部", OrganizationType.PARTY_BRANCH, 12);
    }

    private static Arguments valid(String name, Supplier<Object> build) {
        return arguments(named(name, build));
    }

    private static Arguments invalid(String name, ThrowingCallable build, String field) {
        return arguments(named(name, build), field);
    }
}
