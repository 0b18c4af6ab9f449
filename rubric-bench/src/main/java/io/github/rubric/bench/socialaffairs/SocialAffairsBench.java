package io.github.rubric.bench.socialaffairs;

import io.github.rubric.bench.BenchRubric;
import io.github.rubric.bench.PlainScorer;
import io.github.rubric.bench.SubjectGenerator;
import io.github.rubric.rules.Rubric;

/** Seed 000, 社会事业局党工委直属党组织工作目标责任制考核细则, as the benchmark exercises it. */
public final class SocialAffairsBench implements BenchRubric {
    /** The rubric file on the classpath. */
    public static final String RESOURCE = "io/github/rubric/examples/socialaffairs/social-affairs-bureau.drl";

    @Override
    public String name() {
        return "seed000";
    }

    @Override
    public String resource() {
        return RESOURCE;
    }

    @Override
    public String exampleFacts() {
        return "rubric-examples/src/main/resources/io/github/rubric/examples/socialaffairs/facts/branch-with-shortfalls.yaml";
    }

    @Override
    public SubjectGenerator generator(Rubric rubric, long seed) {
        return new SocialAffairsGenerator(rubric, seed);
    }

    @Override
    public PlainScorer plainScorer(Rubric rubric) {
        return new SocialAffairsPlainScorer(rubric.ref(), rubric.definition());
    }
}
