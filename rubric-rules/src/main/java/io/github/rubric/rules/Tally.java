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
    final Map<String, List<Deduction>> deductions = new HashMap<>();
    final Map<String, List<Finding>> findings = new HashMap<>();
    final Map<String, List<Exemption>> exemptions = new HashMap<>();
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

    /** @return whether a rule reported a deduction, finding or exemption on the item */
    boolean reported(String item) {
        return deductions.containsKey(item) || findings.containsKey(item) || exemptions.containsKey(item);
    }

    void add(Deduction d) {
        deductions.computeIfAbsent(d.item(), k -> new ArrayList<>()).add(d);
    }

    void add(Finding f) {
        findings.computeIfAbsent(f.item(), k -> new ArrayList<>()).add(f);
    }

    void add(Exemption e) {
        exemptions.computeIfAbsent(e.item(), k -> new ArrayList<>()).add(e);
    }
}
