package io.github.rubric.bench;

import io.github.rubric.bench.powerplant.PowerPlantBench;
import io.github.rubric.bench.socialaffairs.SocialAffairsBench;
import io.github.rubric.rules.Rubric;
import java.util.List;

/**
 * A rubric the benchmark knows how to exercise: where it is, how to generate subjects for it, and a hand-written
 * scorer for it that must give the same scorecards as the rule engine.
 */
public interface BenchRubric {
    /** @return a short name for the command line and reports, such as {@code seed000} */
    String name();

    /** @return the rubric file on the classpath */
    String resource();

    /** @return a facts file of the rubric's examples, relative to the project's root, for the cold-start runs */
    String exampleFacts();

    /**
     * @param rubric the compiled rubric (for its declared record types)
     * @param seed the seed all subjects derive from
     * @return a generator of subjects for the rubric
     */
    SubjectGenerator generator(Rubric rubric, long seed);

    /**
     * @param rubric the compiled rubric (for the scorecard's rubric reference and the items' titles)
     * @return the hand-written scorer
     */
    PlainScorer plainScorer(Rubric rubric);

    /** @return every rubric the benchmark knows, in the order a run takes them; add another rubric here */
    static List<BenchRubric> all() {
        return List.of(new SocialAffairsBench(), new PowerPlantBench());
    }

    /**
     * @param name a rubric's {@link #name()}
     * @return that rubric
     * @throws IllegalArgumentException if there is none by that name
     */
    static BenchRubric named(String name) {
        return all().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no benchmarked rubric '" + name + "'; known: "
                        + all().stream().map(BenchRubric::name).toList()));
    }
}
