package io.github.rubric.examples;

import io.github.rubric.rules.Rubric;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every rubric this module bundles, with the classpath folder of its scenarios. The scenario and coverage
 * tests enumerate this list, so adding a rubric is one line here (and a folder of scenarios).
 */
enum BundledRubrics {
    /** Seed 000: 社会事业局党工委直属党组织工作目标责任制考核细则. */
    SOCIAL_AFFAIRS("io/github/rubric/examples/socialaffairs/social-affairs-bureau.drl", "scenarios/socialaffairs"),
    /** The template for new rubrics (docs/authoring.md): an invented rubric using each kind of criterion once. */
    TEMPLATE("io/github/rubric/examples/template/template.drl", "scenarios/template");

    private static final Map<BundledRubrics, Rubric> LOADED = new ConcurrentHashMap<>();

    private final String resource;
    private final String scenarios;

    BundledRubrics(String resource, String scenarios) {
        this.resource = resource;
        this.scenarios = scenarios;
    }

    /** @return the rubric file's classpath resource */
    String resource() {
        return resource;
    }

    /** @return the classpath folder of the rubric's scenario files */
    String scenarios() {
        return scenarios;
    }

    /** @return the rubric, compiled once per test run */
    Rubric rubric() {
        return LOADED.computeIfAbsent(this, r -> Rubric.fromClasspath(r.resource));
    }
}
