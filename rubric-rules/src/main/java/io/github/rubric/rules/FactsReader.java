package io.github.rubric.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rubric.model.InvalidValueException;
import io.github.rubric.model.Required;
import io.github.rubric.model.fact.Activity;
import io.github.rubric.model.fact.AssessmentPeriod;
import io.github.rubric.model.fact.Award;
import io.github.rubric.model.fact.Complaint;
import io.github.rubric.model.fact.Dated;
import io.github.rubric.model.fact.DisciplinaryCase;
import io.github.rubric.model.fact.Document;
import io.github.rubric.model.fact.DuesPayment;
import io.github.rubric.model.fact.DuesRemittance;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Incident;
import io.github.rubric.model.fact.Judgement;
import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.fact.Organization;
import io.github.rubric.model.fact.Person;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.fact.Subject;
import io.github.rubric.model.fact.Submission;
import io.github.rubric.model.fact.Task;
import io.github.rubric.model.structure.RubricDefinition;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;

/**
 * Reads a facts file (YAML, or JSON when the name ends in {@code .json}) describing one subject for one
 * period and round. Numbers in declared records are counts or measures: not negative, and within the bounds
 * a field declares with {@code @min(…)}/{@code @max(…)}; a declared record's {@code date} field must fall in the
 * period. Every problem fails with the file, the line and the path of the field; nothing is dropped or
 * defaulted silently.
 *
 * <p>A declared type marked {@code @required} in the rubric must have at least one record.
 *
 * <p>Top-level fields: {@code subject}, {@code period}, {@code round} (default {@code REVIEW}), one list per
 * fact kind ({@link #KINDS}), and {@code records}, which holds the rubric's own declared fact types by name.
 */
final class FactsReader {
    /** The lists a facts file may hold, by field name, with the type of their elements. */
    static final Map<String, Class<?>> KINDS = kinds();

    private static final ObjectMapper YAML = Binding.yaml();
    private static final ObjectMapper JSON = Binding.json();

    private final RubricDefinition definition;
    private final ItemIndex items;
    private final Map<String, FactType> declaredTypes;

    FactsReader(ItemIndex items, Map<String, FactType> declaredTypes) {
        this.definition = items.definition();
        this.items = items;
        this.declaredTypes = declaredTypes;
    }

    private static Map<String, Class<?>> kinds() {
        Map<String, Class<?>> kinds = new LinkedHashMap<>();
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
        kinds.put("judgements", Judgement.class);
        return java.util.Collections.unmodifiableMap(kinds);
    }

    FactSet read(String source, String text) {
        boolean json = source.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = json ? JSON : YAML;
        if (!json) {
            int alias = YamlLines.firstAnchorOrAlias(text);
            if (alias > 0) {
                throw new FactsException(source, alias, "", "YAML anchors and aliases (&name, *name) are not allowed in"
                        + " facts files; write each value out");
            }
        }
        YamlLines lines = YamlLines.of(text, 0);
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            Binding.Failure failure = Binding.describe(e, "");
            throw new FactsException(source, failure.line(), failure.path(),
                    "malformed " + (json ? "JSON" : "YAML") + ": " + failure.problem());
        }
        if (root == null || !root.isObject()) {
            throw new FactsException(source, 1, "", "expected a mapping with subject, period and the facts");
        }
        NumberRange.Violation violation = NumberRange.find(root, "");
        if (violation != null) {
            throw new FactsException(source, lines.line(violation.path()), violation.path(), violation.problem());
        }
        Context ctx = new Context(source, lines, mapper);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("subject") && !name.equals("period") && !name.equals("round") && !name.equals("records")
                    && !KINDS.containsKey(name)) {
                throw ctx.fail(name, "unknown field '" + name + "'; expected one of: subject, period, round, "
                        + String.join(", ", KINDS.keySet()) + ", records");
            }
        }
        Subject subject = subject(ctx, required(ctx, root, "subject"));
        AssessmentPeriod period = period(ctx, required(ctx, root, "period"));
        Round round = Round.REVIEW;
        if (root.has("round")) {
            round = ctx.bind(root.get("round"), "round", Round.class);
        }
        List<Object> facts = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Map.Entry<String, Class<?>> kind : KINDS.entrySet()) {
            JsonNode list = root.get(kind.getKey());
            if (list == null || list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                throw ctx.fail(kind.getKey(), "expected a list");
            }
            for (int i = 0; i < list.size(); i++) {
                String path = kind.getKey() + "[" + i + "]";
                JsonNode element = list.get(i);
                if (!element.isObject()) {
                    throw ctx.fail(path, "expected a mapping of fields");
                }
                ObjectNode withId = ((ObjectNode) element).deepCopy();
                if (!withId.hasNonNull("id")) {
                    withId.put("id", path);
                }
                String id = withId.get("id").asText();
                if (!ids.add(id)) {
                    throw ctx.fail(path + ".id", "id '" + id + "' is used twice; ids must be unique in a facts file");
                }
                requireMarkedFields(ctx, withId, path, kind.getValue());
                Object fact = ctx.bind(withId, path, kind.getValue());
                checkNumbers(ctx, path, fact);
                if (fact instanceof Dated dated) {
                    checkDate(ctx, path + ".date", dated, period);
                }
                facts.add(fact);
            }
        }
        JsonNode records = root.get("records");
        if (records != null && !records.isNull()) {
            facts.addAll(records(ctx, records, period));
        }
        for (FactType type : declaredTypes.values()) {
            boolean required = type.getMetaData() != null && type.getMetaData().containsKey("required");
            boolean given = records != null && records.has(type.getSimpleName()) && !records.get(type.getSimpleName()).isEmpty();
            if (required && !given) {
                throw ctx.fail("records", "the rubric requires at least one " + type.getSimpleName()
                        + " record (declared @required), so that its criteria are not passed over for want of facts");
            }
        }
        FactSet factSet = new FactSet(source, subject, period, round, facts);
        // Checked here as well as when scoring, because only here can an error name the judgement's line.
        ScorecardBuilder.judgements(items, factSet, lines::line);
        return factSet;
    }

    /** Fields marked {@link Required} must be given even where their type has a default (a boolean). */
    private static void requireMarkedFields(Context ctx, JsonNode node, String path, Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(Required.class) && !node.hasNonNull(component.getName())) {
                throw ctx.fail(path + "." + component.getName(), "is required");
            }
        }
    }

    private static JsonNode required(Context ctx, JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ctx.fail(field, "is required");
        }
        return node;
    }

    private static Subject subject(Context ctx, JsonNode node) {
        if (!node.isObject()) {
            throw ctx.fail("subject", "expected a mapping with kind (organization or person), id and name");
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        JsonNode kind = copy.remove("kind");
        String k = kind == null ? "organization" : kind.asText();
        return switch (k) {
            case "organization" -> ctx.bind(copy, "subject", Organization.class);
            case "person" -> ctx.bind(copy, "subject", Person.class);
            default -> throw ctx.fail("subject.kind", "unknown value '" + k + "'; expected one of: organization, person");
        };
    }

    private static AssessmentPeriod period(Context ctx, JsonNode node) {
        if (node.isInt()) {
            int year = node.asInt();
            if (year < 1949 || year > 2200) {
                throw ctx.fail("period", "year " + year + " is out of range; expected a year such as 2024");
            }
            return AssessmentPeriod.ofYear(year);
        }
        return ctx.bind(node, "period", AssessmentPeriod.class);
    }

    private static void checkDate(Context ctx, String path, Dated fact, AssessmentPeriod period) {
        checkDate(ctx, path, fact.date(), fact.monthsAllowedAfterPeriod(), period);
    }

    private static void checkDate(Context ctx, String path, LocalDate date, int monthsAfter, AssessmentPeriod period) {
        LocalDate last = period.end().plusMonths(monthsAfter);
        if (date.isBefore(period.start()) || date.isAfter(last)) {
            throw ctx.fail(path, "date " + date + " is outside the assessment period " + period.start() + " to "
                    + last);
        }
    }

    private List<Object> records(Context ctx, JsonNode records, AssessmentPeriod period) {
        if (!records.isObject()) {
            throw ctx.fail("records", "expected a mapping from declared type name to a list of records");
        }
        List<Object> facts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = records.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String typeName = entry.getKey();
            String typePath = "records." + typeName;
            FactType type = declaredTypes.get(typeName);
            if (type == null) {
                throw ctx.fail(typePath, "unknown record type '" + typeName + "'; the rubric declares: "
                        + (declaredTypes.isEmpty() ? "none" : String.join(", ", new TreeSet<>(declaredTypes.keySet()))));
            }
            if (!entry.getValue().isArray()) {
                throw ctx.fail(typePath, "expected a list of " + typeName + " records");
            }
            for (int i = 0; i < entry.getValue().size(); i++) {
                facts.add(record(ctx, type, entry.getValue().get(i), typePath + "[" + i + "]", period));
            }
        }
        return facts;
    }

    private static Object record(Context ctx, FactType type, JsonNode node, String path, AssessmentPeriod period) {
        if (!node.isObject()) {
            throw ctx.fail(path, "expected a mapping of fields");
        }
        Map<String, FactField> fields = new LinkedHashMap<>();
        for (FactField field : type.getFields()) {
            fields.put(field.getName(), field);
        }
        Object instance;
        try {
            instance = type.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create declared type " + type.getName(), e);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            FactField field = fields.get(name);
            if (field == null) {
                throw ctx.fail(path + "." + name, "unknown field '" + name + "' of " + type.getSimpleName()
                        + "; expected one of: " + String.join(", ", fields.keySet()));
            }
            Object value = ctx.bind(node.get(name), path + "." + name, field.getType());
            if (value == null) {
                // A record's fields are all required; null would only move the question into the rules.
                throw ctx.fail(path + "." + name, "expected " + Binding.expected(field.getType()) + ", was null");
            }
            if (value instanceof Number n) {
                String problem = NumberRange.problem(n);
                if (problem != null) {
                    throw ctx.fail(path + "." + name, problem);
                }
                checkRange(ctx, path + "." + name, field, n);
            }
            if (value instanceof LocalDate date) {
                checkDate(ctx, path + "." + name, date, 0, period);
            }
            type.set(instance, name, immutable(value));
        }
        List<String> missing = fields.keySet().stream().filter(f -> !node.has(f)).toList();
        if (!missing.isEmpty()) {
            throw ctx.fail(path, "missing field" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " of " + type.getSimpleName() + "; every field of a declared record must be given");
        }
        return instance;
    }

    /**
     * A number in a declared record is a count or a measure: not negative, unless the field declares a lower
     * bound with {@code @min(…)}; within {@code @max(…)} when it declares one ({@code score : BigDecimal @max(100)}).
     */
    private static void checkRange(Context ctx, String path, FactField field, Number number) {
        BigDecimal value = new BigDecimal(number.toString());
        BigDecimal min = bound(field, "min");
        BigDecimal max = bound(field, "max");
        if (min == null && value.signum() < 0) {
            throw ctx.fail(path, "must not be negative, was " + value.toPlainString());
        }
        if (min != null && value.compareTo(min) < 0) {
            throw ctx.fail(path, "must be at least " + min.toPlainString() + ", was " + value.toPlainString());
        }
        if (max != null && value.compareTo(max) > 0) {
            throw ctx.fail(path, "must be at most " + max.toPlainString() + ", was " + value.toPlainString());
        }
    }

    /** @return the field's {@code @min}/{@code @max} bound, checked to be a number when the rubric was loaded */
    static BigDecimal bound(FactField field, String name) {
        Object bound = field.getMetaData() == null ? null : field.getMetaData().get(name);
        return bound == null ? null : new BigDecimal(String.valueOf(bound).strip());
    }

    private static void checkNumbers(Context ctx, String path, Object fact) {
        NumberRange.Violation violation = NumberRange.find(fact, path);
        if (violation != null) {
            throw ctx.fail(violation.path(), violation.problem());
        }
    }

    /** Collections in declared records are read-only, like those of the library's own facts. */
    private static Object immutable(Object value) {
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(list);
        }
        if (value instanceof java.util.Set<?> set) {
            return Collections.unmodifiableSet(set);
        }
        if (value instanceof Map<?, ?> map) {
            return Collections.unmodifiableMap(map);
        }
        return value;
    }

    /** The file being read, for binding and for errors that say where. */
    private record Context(String source, YamlLines lines, ObjectMapper mapper) {
        /** A misspelt field is a likelier cause of a failed binding than the field it leaves missing. */
        void requireKnownFields(JsonNode node, String path, Class<?> type) {
            Binding.Failure unknown = Binding.unknownField(node, type, path);
            if (unknown != null) {
                throw fail(unknown.path(), unknown.problem());
            }
        }

        FactsException fail(String path, String problem) {
            return new FactsException(source, lines.line(path), path, problem);
        }

        <T> T bind(JsonNode node, String path, Class<T> type) {
            try {
                return mapper.treeToValue(node, type);
            } catch (JsonProcessingException e) {
                requireKnownFields(node, path, type);
                Binding.Failure failure = Binding.describe(e, path);
                throw fail(failure.path(), failure.problem());
            } catch (InvalidValueException e) {
                requireKnownFields(node, path, type);
                throw fail(Binding.join(path, e.field()), e.problem());
            } catch (IllegalArgumentException e) {
                requireKnownFields(node, path, type);
                if (e.getCause() instanceof JsonProcessingException jpe) {
                    Binding.Failure failure = Binding.describe(jpe, path);
                    throw fail(failure.path(), failure.problem());
                }
                throw fail(path, e.getMessage());
            }
        }
    }
}
