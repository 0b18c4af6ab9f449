package io.github.rubric.rules;

import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Exemption;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.Veto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the rules reported during one evaluation, before the rubric's semantics are applied. */
final class Tally {
    /** What the rules reported on each item, by the item's id; an item no rule reported on has no entry. */
    final Map<String, Entries> items = new HashMap<>();
    final List<Bonus> bonuses = new ArrayList<>();
    final List<Veto> vetoes = new ArrayList<>();
    /** Firings per rule; read by the caller while the worker fires (see {@link Evaluation}). */
    final Map<String, Integer> firings = new ConcurrentHashMap<>();
    /** The rule firing now, or last, for errors. */
    volatile String firing;

    void fired(String rule) {
        firing = rule;
        firings.merge(rule, 1, Integer::sum);
    }

    void add(Deduction d) {
        entries(d.item()).deductions.add(d);
    }

    void add(Finding f) {
        entries(f.item()).findings.add(f);
    }

    void add(Exemption e) {
        entries(e.item()).exemptions.add(e);
    }

    private Entries entries(String item) {
        return items.computeIfAbsent(item, k -> new Entries());
    }

    /** One item's deductions, findings and exemptions, in the order the rules reported them. */
    static final class Entries {
        final List<Deduction> deductions = new ArrayList<>(2);
        final List<Finding> findings = new ArrayList<>(0);
        final List<Exemption> exemptions = new ArrayList<>(0);
    }
}
