package io.github.rubric.examples;

import io.github.rubric.model.fact.Activity;
import io.github.rubric.model.fact.Award;
import io.github.rubric.model.fact.Complaint;
import io.github.rubric.model.fact.DisciplinaryCase;
import io.github.rubric.model.fact.Document;
import io.github.rubric.model.fact.DuesPayment;
import io.github.rubric.model.fact.DuesRemittance;
import io.github.rubric.model.fact.Incident;
import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.fact.OrganizationType;
import io.github.rubric.model.fact.Submission;
import io.github.rubric.model.fact.Task;
import io.github.rubric.model.structure.Grade;
import io.github.rubric.model.structure.Item;
import io.github.rubric.rules.DeclaredType;
import io.github.rubric.rules.Rubric;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates facts files (as JSON text) for any rubric from a seeded {@link Random}: the library's fact kinds,
 * filled from their record components, the rubric's declared records from {@link Rubric#declaredType}, and a
 * judgement for each item that needs one. Values are valid but arbitrary, so that the rules' thresholds are
 * crossed both ways. A field type it does not know fails loudly: extend {@link #value} for it.
 */
final class RandomFacts {
    private static final int YEAR = 2024;
    private static final List<String> NAMES = List.of("张三", "李四", "王五", "赵六", "孙七", "周八");

    /** The list fields of a facts file and the records they hold (judgements are made per item). */
    private static final Map<String, Class<? extends Record>> KINDS = kinds();

    private final Rubric rubric;
    private final Random random;

    RandomFacts(Rubric rubric, long seed) {
        this.rubric = rubric;
        this.random = new Random(seed);
    }

    private static Map<String, Class<? extends Record>> kinds() {
        Map<String, Class<? extends Record>> kinds = new LinkedHashMap<>();
        kinds.put("meetings", Meeting.class);
        kinds.put("duesPayments", DuesPayment.class);
        kinds.put("duesRemittances", DuesRemittance.class);
        kinds.put("complaints", Complaint.class);
        kinds.put("disciplinaryCases", DisciplinaryCase.class);
        kinds.put("incidents", Incident.class);
        kinds.put("submissions", Submission.class);
        kinds.put("documents", Document.class);
        kinds.put("activities", Activity.class);
        kinds.put("tasks", Task.class);
        kinds.put("awards", Award.class);
        return kinds;
    }

    /** @return the next facts file, as JSON */
    String next() {
        Map<String, Object> file = new LinkedHashMap<>();
        Map<String, Object> subject = new LinkedHashMap<>();
        int n = random.nextInt(1_000_000);
        subject.put("kind", "organization");
        subject.put("id", "org-" + n);
        subject.put("name", "党支部" + n);
        subject.put("type", pick(OrganizationType.values()).name());
        subject.put("members", random.nextInt(60));
        file.put("subject", subject);
        file.put("period", YEAR);
        file.put("round", pick(List.of("SELF", "REVIEW", "INSPECTION", "ANNUAL")));
        for (Map.Entry<String, Class<? extends Record>> kind : KINDS.entrySet()) {
            int max = kind.getValue() == Meeting.class ? 40 : 8;
            List<Object> facts = new ArrayList<>();
            for (int i = random.nextInt(max + 1); i > 0; i--) {
                facts.add(record(kind.getValue()));
            }
            if (!facts.isEmpty()) {
                file.put(kind.getKey(), facts);
            }
        }
        List<Object> judgements = judgements();
        if (!judgements.isEmpty()) {
            file.put("judgements", judgements);
        }
        Map<String, Object> records = new LinkedHashMap<>();
        for (String name : rubric.declaredTypes()) {
            DeclaredType type = rubric.declaredType(name);
            List<Object> list = new ArrayList<>();
            for (int i = random.nextInt(3) + (type.required() ? 1 : 0); i > 0; i--) {
                Map<String, Object> record = new LinkedHashMap<>();
                for (DeclaredType.Field field : type.fields()) {
                    record.put(field.name(), declaredValue(field));
                }
                list.add(record);
            }
            records.put(name, list);
        }
        if (!records.isEmpty()) {
            file.put("records", records);
        }
        return Json.write(file);
    }

    private Map<String, Object> record(Class<? extends Record> type) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("id")) {
                continue; // the reader gives the path as id
            }
            Object value = value(component.getName(), component.getType(), component.getGenericType());
            if (value != null) {
                fields.put(component.getName(), value);
            }
        }
        return fields;
    }

    private List<Object> judgements() {
        List<Object> judgements = new ArrayList<>();
        rubric.definition().items().filter(Item::needsJudgement).forEach(item -> {
            Map<String, Object> judgement = new LinkedHashMap<>();
            judgement.put("item", item.id());
            if (item.discretionary()) {
                int halves = item.maxPoints().multiply(BigDecimal.valueOf(2)).intValue();
                judgement.put("points", BigDecimal.valueOf(random.nextInt(halves + 1)).divide(BigDecimal.valueOf(2)));
            } else {
                judgement.put("grade", pick(item.grades().stream().map(Grade::name).toList()));
            }
            judgements.add(judgement);
        });
        return judgements;
    }

    /** A valid random value for a declared record's field: never null, within the field's bounds. */
    private Object declaredValue(DeclaredType.Field field) {
        if (field.type() == BigDecimal.class || field.type() == int.class || field.type() == Integer.class
                || field.type() == long.class || field.type() == Long.class) {
            BigDecimal min = field.min() == null ? BigDecimal.ZERO : field.min();
            BigDecimal max = field.max() == null ? BigDecimal.valueOf(300) : field.max();
            boolean whole = field.type() != BigDecimal.class;
            int steps = max.subtract(min).multiply(whole ? BigDecimal.ONE : BigDecimal.valueOf(100)).intValue();
            BigDecimal value = min.add(BigDecimal.valueOf(random.nextInt(steps + 1), whole ? 0 : 2));
            return whole ? (Object) value.intValue() : value;
        }
        Object value;
        do {
            value = value(field.name(), field.type(), field.type());
        } while (value == null);
        return value;
    }

    /** A valid random value for a field; null leaves an optional field out. */
    private Object value(String name, Class<?> type, Type generic) {
        boolean optional = type == Integer.class || type == List.class || name.equals("ledBy")
                || (type == String.class && !required(name));
        if (optional && random.nextInt(4) == 0) {
            return null;
        }
        if (type.isEnum()) {
            return pick(type.getEnumConstants()).toString();
        }
        if (type == boolean.class || type == Boolean.class) {
            return random.nextBoolean();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return name.equals("quarter") ? 1 + random.nextInt(4) : random.nextInt(30);
        }
        if (type == BigDecimal.class) {
            return BigDecimal.valueOf(random.nextInt(50_000), 2);
        }
        if (type == LocalDate.class) {
            return LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(366)).toString();
        }
        if (type == YearMonth.class) {
            return YearMonth.of(YEAR, 1 + random.nextInt(12)).toString();
        }
        if (type == String.class) {
            return pick(NAMES) + random.nextInt(100);
        }
        if (type == List.class && generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class) {
            List<Object> names = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                names.add(pick(NAMES));
            }
            return names;
        }
        throw new IllegalStateException("RandomFacts cannot make a value for " + name + " of type " + generic
                + "; extend RandomFacts.value");
    }

    /** Texts the records require (blank is invalid); the rest may be left out. */
    private static boolean required(String name) {
        return List.of("member", "person", "summary", "title", "achievement").contains(name);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
