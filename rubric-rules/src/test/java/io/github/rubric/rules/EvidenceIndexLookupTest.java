package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.fact.AssessmentPeriod;
import io.github.rubric.model.fact.DuesPayment;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.fact.MeetingType;
import io.github.rubric.model.fact.Organization;
import io.github.rubric.model.fact.OrganizationType;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.Evidence;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

/**
 * Evidence found through fact handles (and facts kept out by the {@link FactFilter}) must be exactly what the
 * full identity index of every fact gives, including where the fast path cannot answer.
 */
class EvidenceIndexLookupTest {
    private static final String RUBRIC = """
            /*---
            id: evidence-test
            title: 证据测试
            issuer: 测试
            version: "1"
            totalPoints: 10
            sections:
              - id: s
                title: 全部
                maxPoints: 10
                items:
                  - { id: "1", title: 会议, maxPoints: 5, requirement: 开会, criteria: 少开扣分 }
                  - { id: "2", title: 党费, maxPoints: 5, requirement: 缴费, criteria: 少缴扣分 }
            ---*/
            package evidence.test;

            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            declare Flag
                on : boolean
            end

            rule "1 党员大会" @item("1")
            when
                $m : Meeting( type == MeetingType.GENERAL_MEETING )
            then
                score.deduct("1", "开会");
            end

            rule "2 不足额" @item("2")
            when
                DuesPayment( underpaid )
            then
                score.deduct("1", "少缴");
            end
            """;

    private RubricCompiler.Compiled compiled;
    private KieSession session;
    private final Organization org = new Organization("o1", "测试支部", OrganizationType.PARTY_BRANCH, 3);
    private final Meeting general = Meeting.of("meetings[0]", MeetingType.GENERAL_MEETING, LocalDate.of(2024, 3, 1));
    private final Meeting group = Meeting.of("meetings[1]", MeetingType.GROUP_MEETING, LocalDate.of(2024, 4, 1));
    private final DuesPayment paid = new DuesPayment("duesPayments[0]", "王明", YearMonth.of(2024, 1),
            new BigDecimal("10"), new BigDecimal("10"), LocalDate.of(2024, 1, 5));
    private final DuesPayment underpaid = new DuesPayment("duesPayments[1]", "李华", YearMonth.of(2024, 1),
            new BigDecimal("10"), new BigDecimal("5"), LocalDate.of(2024, 1, 6));

    @BeforeEach
    void compile() {
        RubricSource source = RubricSource.of("evidence-test.drl", RUBRIC);
        compiled = RubricCompiler.compile(source, HeaderReader.read(source));
        session = compiled.kieBase().newKieSession();
    }

    @AfterEach
    void dispose() {
        session.dispose();
    }

    private Object flag(boolean on) throws ReflectiveOperationException {
        Object flag = compiled.declaredTypes().get("Flag").newInstance();
        compiled.declaredTypes().get("Flag").set(flag, "on", on);
        return flag;
    }

    private EvidenceIndex inserted(FactSet facts) {
        EvidenceIndex index = EvidenceIndex.forSession(facts, session);
        index.insertFacts(new FactFilter());
        return index;
    }

    private FactSet facts(List<Object> facts) {
        return new FactSet("test.yaml", org, AssessmentPeriod.ofYear(2024), Round.REVIEW, facts);
    }

    private List<Object> everything(FactSet facts) {
        List<Object> cited = new ArrayList<>(facts.facts());
        cited.add(0, List.of(facts.subject(), facts.period(), MeetingType.GENERAL_MEETING, 3));
        return cited;
    }

    @Test
    void factsFoundByTheirHandlesCiteAsTheFullIndexDoes() throws Exception {
        // GIVEN
        FactSet facts = facts(List.of(general, group, paid, underpaid, flag(true), flag(false)));
        // WHEN
        EvidenceIndex fast = inserted(facts);
        List<Evidence> evidence = fast.of(List.of(facts.facts().get(5), underpaid, List.of(general, general), 7));
        // THEN
        assertThat(evidence).isEqualTo(new EvidenceIndex(facts).of(List.of(facts.facts().get(5), underpaid,
                List.of(general, general), 7)));
        assertThat(evidence).extracting(Evidence::id)
                .containsExactly("meetings[0]", "duesPayments[1]", "records.Flag[1]");
        assertThat(fast.of(everything(facts))).isEqualTo(new EvidenceIndex(facts).of(everything(facts)));
    }

    @Test
    void factsTheFilterKeptOutOfTheSessionStillCiteInFileOrder() {
        // GIVEN: no rule can match a group meeting or a dues payment paid in full
        FactSet facts = facts(List.of(general, group, paid, underpaid));
        // WHEN
        EvidenceIndex fast = inserted(facts);
        // THEN
        assertThat(session.getFactHandle(group)).isNull();
        assertThat(session.getFactHandle(paid)).isNull();
        assertThat(session.getFactHandle(underpaid)).isNotNull();
        assertThat(fast.of(List.of(paid, group, underpaid))).extracting(Evidence::id)
                .containsExactly("meetings[1]", "duesPayments[0]", "duesPayments[1]");
    }

    @Test
    void aFactDeletedFromTheSessionStillCitesAsTheFullIndexDoes() {
        // GIVEN
        FactSet facts = facts(List.of(general, underpaid));
        EvidenceIndex fast = inserted(facts);
        // WHEN
        session.delete(session.getFactHandle(general));
        // THEN
        assertThat(fast.of(List.of(underpaid, general))).isEqualTo(new EvidenceIndex(facts).of(List.of(underpaid, general)));
    }

    @Test
    void theSameObjectListedTwiceCitesAsTheFullIndexDoes() throws Exception {
        // GIVEN
        Object flag = flag(true);
        FactSet facts = facts(List.of(general, flag, underpaid, flag, general));
        // WHEN
        EvidenceIndex fast = inserted(facts);
        // THEN
        assertThat(fast.of(everything(facts))).isEqualTo(new EvidenceIndex(facts).of(everything(facts)));
    }
}
