package io.github.rubric.bench;

import io.github.rubric.model.fact.Fact;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.structure.Item;
import io.github.rubric.rules.Rubric;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates instances of a rubric's own declared fact types ({@code declare Leadership … end}) without a facts file.
 * The classes exist only inside the compiled rubric, so they are found by reading one probe record of each type
 * through {@link Rubric#readFacts(String, String)}; instances are then made with the no-argument constructor and
 * the setters Drools generates. A field of a rubric's own {@code declare enum} is given as the constant's name.
 */
public final class DeclaredRecords {
    private final Map<String, Constructor<?>> constructors = new HashMap<>();
    private final Map<String, Map<String, Method>> setters = new HashMap<>();

    /**
     * @param rubric the compiled rubric
     * @param probes for each declared type, one record in facts-file syntax giving every field, such as
     *     {@code { complete: true }}
     */
    public DeclaredRecords(Rubric rubric, Map<String, String> probes) {
        StringBuilder yaml = new StringBuilder("subject: { id: probe, name: probe, type: PARTY_BRANCH }\nperiod: 2024\nrecords:\n");
        probes.forEach((type, record) -> yaml.append("  ").append(type).append(": [ ").append(record).append(" ]\n"));
        // the probe must be a valid facts file: the judgements the rubric needs for its graded and discretionary items
        List<Item> judged = rubric.definition().items().filter(Item::needsJudgement).toList();
        if (!judged.isEmpty()) {
            yaml.append("judgements:\n");
            for (Item item : judged) {
                yaml.append("  - { item: \"").append(item.id()).append("\", ").append(item.graded()
                        ? "grade: " + item.grades().get(0).name() : "points: 0").append(" }\n");
            }
        }
        FactSet probe = rubric.readFacts("probe.yaml", yaml.toString());
        for (Object record : probe.facts()) {
            if (record instanceof Fact) {
                continue; // a judgement
            }
            Class<?> type = record.getClass();
            try {
                constructors.put(type.getSimpleName(), type.getConstructor());
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("declared type " + type.getName() + " has no no-argument constructor", e);
            }
            Map<String, Method> byField = new HashMap<>();
            for (Method m : type.getMethods()) {
                if (m.getName().startsWith("set") && m.getParameterCount() == 1 && m.getName().length() > 3) {
                    byField.put(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4), m);
                }
            }
            setters.put(type.getSimpleName(), byField);
        }
    }

    /**
     * @param type a declared type's simple name
     * @param fields the fields to set, by name
     * @return a new record
     */
    public Object create(String type, Map<String, Object> fields) {
        Constructor<?> constructor = constructors.get(type);
        if (constructor == null) {
            throw new IllegalArgumentException("no probe was given for declared type '" + type + "'");
        }
        try {
            Object record = constructor.newInstance();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                Method setter = setters.get(type).get(field.getKey());
                if (setter == null) {
                    throw new IllegalArgumentException(type + " has no field '" + field.getKey() + "'");
                }
                setter.invoke(record, value(setter.getParameterTypes()[0], field.getValue()));
            }
            return record;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create declared type " + type, e);
        }
    }

    /** The constants of a rubric's declared enums exist only inside the compiled rubric: they are given by name. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Class<?> type, Object value) {
        if (type.isEnum() && value instanceof String name) {
            return Enum.valueOf((Class) type, name);
        }
        return value;
    }

    /** The no-argument methods of the declared types, which exist only inside a compiled rubric. */
    private static final ClassValue<Map<String, Method>> GETTERS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> getters = new HashMap<>();
            for (Method m : type.getMethods()) {
                if (m.getParameterCount() == 0) {
                    getters.put(m.getName(), m);
                }
            }
            return getters;
        }
    };

    /**
     * Reads a field of a declared record, for the hand-written scorers, which cannot name the record's class.
     *
     * @param record a record of one of the rubric's declared types
     * @param getter the getter Drools generated, such as {@code isComplete} or {@code getVacancies}
     * @return the field's value
     * @throws IllegalStateException if the record has no such getter
     */
    public static Object read(Object record, String getter) {
        try {
            return GETTERS.get(record.getClass()).get(getter).invoke(record);
        } catch (ReflectiveOperationException | NullPointerException e) {
            throw new IllegalStateException(record.getClass().getName() + " has no " + getter, e);
        }
    }
}
