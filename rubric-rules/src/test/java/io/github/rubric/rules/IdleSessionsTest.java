package io.github.rubric.rules;

import static io.github.rubric.rules.TestRubrics.FACTS;
import static io.github.rubric.rules.TestRubrics.TINY;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.rules.SessionPool.Lease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.junit.jupiter.api.Test;

/**
 * A rubric keeps rule sessions for reuse while it scores, and gives them up once it has not scored for a while,
 * so that a service holding many rubric versions holds sessions only for those in use.
 */
class IdleSessionsTest {
    private static final Rubric RUBRIC = Rubric.fromString("tiny.drl", TINY);
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void keepsASessionForTheNextEvaluationAndDropsItWhenIdleTooLong() {
        // GIVEN a pool that keeps idle sessions for 10 seconds, and two evaluations' sessions given back at once
        SessionPool pool = new SessionPool(RUBRIC.kieBase(), true, Duration.ofSeconds(10));
        Lease first = pool.borrow();
        Lease second = pool.borrow();
        pool.release(first, true);
        pool.release(second, true);
        long released = System.nanoTime();

        // WHEN the pool is swept before and after the 10 seconds
        int early = pool.expire(released + 9 * SECOND);
        int kept = pool.idle();
        int late = pool.expire(released + 11 * SECOND);

        // THEN the sessions stay while the rubric may score again soon, and go after
        assertThat(early).isZero();
        assertThat(kept).isEqualTo(2);
        assertThat(late).isEqualTo(2);
        assertThat(pool.idle()).isZero();
    }

    @Test
    void neverKeepsASessionWhoseEvaluationFailed() {
        // GIVEN
        SessionPool pool = new SessionPool(RUBRIC.kieBase(), true, Duration.ofSeconds(10));

        // WHEN a session comes back from an evaluation that did not end normally
        pool.release(pool.borrow(), false);

        // THEN it is not kept
        assertThat(pool.idle()).isZero();
    }

    @Test
    void scoresAsBeforeOnceItsIdleSessionsAreGone() {
        // GIVEN a rubric that scored once, and whose idle session was then dropped
        FactSet facts = RUBRIC.readFacts("branch.yaml", FACTS.replace("  - { type: GENERAL_MEETING, date: 2024-12-01 }\n", ""));
        String before = Scorecards.toJson(RUBRIC.score(facts));
        assertThat(RUBRIC.sessions().idle()).isPositive();
        RUBRIC.sessions().expire(System.nanoTime() + Duration.ofMinutes(5).toNanos());
        assertThat(RUBRIC.sessions().idle()).isZero();

        // WHEN it scores again
        String after = Scorecards.toJson(RUBRIC.score(facts));

        // THEN it makes a new session and gives the same scorecard
        assertThat(after).isEqualTo(before).contains("held 3, required 4");
    }

    @Test
    void aKeptSessionScoresAsANewOneWould() {
        // GIVEN a rubric none of whose rules is gated, so that every node memory and segment a subject fills must be
        // emptied when its session is kept: a collect, a rule whose whole condition is a `not` (its segment is
        // linked again at each reset), and a join; and subjects that miss, meet and miss its rules again
        Rubric rubric = TestRubrics.ungated("""
                rule "2 a party lecture each year"
                    @item("1")
                when
                    not Meeting( type == MeetingType.PARTY_LECTURE )
                then
                    score.deduct("1", "no party lecture");
                end

                rule "3 each counter below one"
                    @item("1")
                when
                    $m : Meeting( type == MeetingType.GENERAL_MEETING )
                    $c : Counter( n < 1 )
                then
                    score.finding("counter below one beside a general meeting", $m, $c);
                end
                """);
        String lastMeeting = "  - { type: GENERAL_MEETING, date: 2024-12-01 }\n";
        String lecture = lastMeeting + "  - { type: PARTY_LECTURE, date: 2024-12-02 }\n";
        List<String> subjects = List.of(FACTS.replace(lastMeeting, ""), FACTS.replace(lastMeeting, lecture),
                TestRubrics.factsWithCounters(2), FACTS.replace(lastMeeting, lecture), FACTS.replace(lastMeeting, ""));

        // WHEN one session scores them in turn, and then a new session scores each
        List<String> kept = new ArrayList<>();
        for (String subject : subjects) {
            kept.add(evaluated(rubric, subject));
        }
        List<String> fresh = new ArrayList<>();
        for (String subject : subjects) {
            rubric.sessions().expire(System.nanoTime() + Duration.ofMinutes(5).toNanos());
            fresh.add(evaluated(rubric, subject));
        }

        // THEN the kept session fires the rules a new one fires, as often, and gives the same scorecards
        assertThat(kept).isEqualTo(fresh);
        assertThat(kept.get(0)).contains("held 3, required 4", "no party lecture");
        assertThat(kept.get(1)).doesNotContain("required 4", "no party lecture");
        assertThat(kept.get(2)).contains("counter below one");
    }

    private static String evaluated(Rubric rubric, String facts) {
        Evaluation evaluation = rubric.evaluate(rubric.readFacts("branch.yaml", facts));
        return evaluation.firings() + "\n" + Scorecards.toJson(evaluation.scorecard());
    }

    @Test
    void resetsAKeptSessionWithoutDroolsOwnSetOfSegments() {
        // GIVEN a pool
        SessionPool pool = new SessionPool(RUBRIC.kieBase(), true, Duration.ofSeconds(10));

        // WHEN it makes a session
        Lease lease = pool.borrow();

        // THEN the session's node memories are reset by SessionMemories (if this version of Drools holds them
        // otherwise, the pool keeps Drools' reset and logs a warning, and this test says so)
        assertThat(((StatefulKnowledgeSessionImpl) lease.session).getNodeMemories()).isInstanceOf(SessionMemories.class);
        pool.release(lease, true);
        assertThat(pool.idle()).isEqualTo(1);
    }
}
