package io.github.rubric.rules;

import java.util.List;

/**
 * What the library reads from a rule's metadata: the item it scores ({@code @item("3")}), or that it awards
 * bonuses ({@code @bonus}); the subjects it exempts ({@code @exempt("嵯岗镇, 罕达盖苏木")}); and its line.
 */
record RuleInfo(String name, String item, boolean bonus, List<String> exempt, int line) {
    RuleInfo {
        exempt = List.copyOf(exempt);
    }
}
