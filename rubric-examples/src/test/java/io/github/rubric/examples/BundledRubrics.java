package io.github.rubric.examples;

import io.github.rubric.rules.Rubric;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every rubric this module bundles, with the classpath folder of its scenarios. The scenario and coverage
 * tests enumerate this list, so adding a rubric is one line here (and a folder of scenarios);
 * {@code BundledRubricsCoverageTest} fails when a rubric file under the examples folder is missing from it.
 */
enum BundledRubrics {
    /** Seed 000: 社会事业局党工委直属党组织工作目标责任制考核细则. */
    SOCIAL_AFFAIRS("io/github/rubric/examples/socialaffairs/social-affairs-bureau.drl", "scenarios/socialaffairs"),
    /** Seed 002a: 动力厂党委2023年度党建工作目标责任制考评细则 (pooled 重点指标, graded and discretionary items). */
    POWER_PLANT("io/github/rubric/examples/powerplant/power-plant-party-committee.drl", "scenarios/powerplant"),
    /** Seed 002c: 计生局岗位目标责任制考核方案 (one staff member, converted scores, uncapped bonus). */
    FAMILY_PLANNING("io/github/rubric/examples/familyplanning/family-planning-bureau-staff.drl",
            "scenarios/familyplanning"),
    /** Seed 001: 2014年度苏木镇基层党建工作考核评分细则, rebuilt from a garbled table. */
    TOWNSHIP("io/github/rubric/examples/township/township-party-building-2014.drl", "scenarios/township"),
    /** Seed 003: 单位党建工作目标考核制度, findings only. */
    UNIT_REGULATION("io/github/rubric/examples/unitregulation/unit-party-building-regulation.drl",
            "scenarios/unitregulation"),
    /**
     * Seed 002, second scheme: 村(居)落实基层党建工作责任制考评细则. Each scenario is one round's facts (专项督查 or
     * 年终综合考评); the combined year is tested by {@code VillageResponsibilityTest}.
     */
    VILLAGE_PARTY_BUILDING("io/github/rubric/examples/villagepartybuilding/village-responsibility.drl",
            "scenarios/villagepartybuilding"),
    /**
     * Seed 004: 党支部工作量化积分考核办法. Each scenario is one round's facts (自评 or 考评); the combined year and the
     * comparison of the rounds are tested by {@code BranchQuantifiedPointsTest}.
     */
    SUPPLY_COOP("io/github/rubric/examples/supplycoop/branch-quantified-points.drl", "scenarios/supplycoop"),
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
