package io.github.rubric.bench.powerplant;

import io.github.rubric.bench.BenchRubric;
import io.github.rubric.bench.PlainScorer;
import io.github.rubric.bench.SubjectGenerator;
import io.github.rubric.rules.Rubric;

/** Seed 002a, 动力厂党委2023年度党建工作目标责任制考评细则, as the benchmark exercises it. */
public final class PowerPlantBench implements BenchRubric {
    /** The rubric file on the classpath. */
    public static final String RESOURCE = "io/github/rubric/examples/powerplant/power-plant-party-committee.drl";

    @Override
    public String name() {
        return "powerplant";
    }

    @Override
    public String resource() {
        return RESOURCE;
    }

    @Override
    public String exampleFacts() {
        return "rubric-examples/src/main/resources/io/github/rubric/examples/powerplant/facts/branch-with-shortfalls.yaml";
    }

    @Override
    public SubjectGenerator generator(Rubric rubric, long seed) {
        return new PowerPlantGenerator(rubric, seed);
    }

    @Override
    public PlainScorer plainScorer(Rubric rubric) {
        return new PowerPlantPlainScorer(rubric.ref(), rubric.definition());
    }
}
