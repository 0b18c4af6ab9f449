package io.github.rubric.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.rubric.model.InvalidValueException;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Jackson set up strictly for rubric headers and facts files, and the translation of its errors into messages
 * that say which field and what was expected.
 */
final class Binding {
    /** What a binding error comes down to: the field's path and the problem. */
    record Failure(String path, String problem, int line) {
    }

    private Binding() {
    }

    static ObjectMapper yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(16 * 1024 * 1024);
        // The builder, unlike new YAMLFactory(), leaves this off: 'meetings:' without entries would read as "".
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
        return strict(YAMLMapper.builder(factory)).build();
    }

    static ObjectMapper json() {
        return strict(JsonMapper.builder()).build();
    }

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B strict(B builder) {
        return builder
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    static Failure describe(JsonProcessingException error, String prefix) {
        String path = prefix;
        if (error instanceof JsonMappingException mapping) {
            path = join(prefix, path(mapping));
        }
        JsonLocation location = error.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        if (error instanceof ValueInstantiationException && error.getCause() instanceof InvalidValueException invalid) {
            return new Failure(join(path, invalid.field()), invalid.problem(), line);
        }
        if (error instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return new Failure(path, "unknown field '" + unknown.getPropertyName() + "'; expected one of: " + known, line);
        }
        if (error instanceof InvalidFormatException format) {
            return new Failure(path, badValue(format.getValue(), format.getTargetType()), line);
        }
        if (error instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                return new Failure(path, "expected one of: " + constants(target), line);
            }
            return new Failure(path, "expected " + expected(target) + " (" + firstLine(error.getOriginalMessage()) + ")", line);
        }
        if (error.getCause() instanceof java.time.DateTimeException) {
            return new Failure(path, "is not a date; expected YYYY-MM-DD", line);
        }
        return new Failure(path, firstLine(error.getOriginalMessage()), line);
    }

    /**
     * Finds the first field of a document that its record type does not have, looking into nested records and
     * lists of records. Jackson binds a record through its constructor and reports unknown fields only once
     * the constructor has succeeded, so a misspelt required field ({@code typ} for {@code type}) would
     * otherwise be reported as the required field missing.
     *
     * @param node the document, or part of it
     * @param type the type it binds to
     * @param path the path of {@code node}
     * @return the unknown field and what was expected, or null when every field is known
     */
    static Failure unknownField(JsonNode node, Type type, String path) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : null;
        if (node == null || raw == null) {
            return null;
        }
        if (raw.isRecord() && node.isObject()) {
            Map<String, Type> fields = new TreeMap<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                fields.put(component.getName(), component.getGenericType());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String fieldPath = join(path, field.getKey());
                Type fieldType = fields.get(field.getKey());
                if (fieldType == null) {
                    return new Failure(fieldPath, "unknown field '" + field.getKey() + "'; expected one of: "
                            + String.join(", ", fields.keySet()), 0);
                }
                Failure nested = unknownField(field.getValue(), fieldType, fieldPath);
                if (nested != null) {
                    return nested;
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) && node.isArray() && type instanceof ParameterizedType p) {
            for (int i = 0; i < node.size(); i++) {
                Failure nested = unknownField(node.get(i), p.getActualTypeArguments()[0], path + "[" + i + "]");
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static String badValue(Object value, Class<?> target) {
        if (target.isEnum()) {
            return "unknown value '" + value + "'; expected one of: " + constants(target);
        }
        return "'" + value + "' is not " + expected(target);
    }

    static String constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }

    static String expected(Class<?> target) {
        if (target == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (target == YearMonth.class) {
            return "a month (YYYY-MM)";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "a date or time";
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(target)) {
            return "a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a text";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        return "a " + target.getSimpleName() + " (a mapping of fields)";
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    static String join(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        if (path.isEmpty()) {
            return prefix;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
