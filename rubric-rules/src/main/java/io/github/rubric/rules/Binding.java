package io.github.rubric.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.rubric.model.InvalidValueException;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
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

    /** Deepest nesting of a header or facts file; real ones nest five or six levels. */
    static final int MAX_NESTING = 64;
    /** Most digits of a number; a longer one is refused before it is converted (which takes quadratic time). */
    static final int MAX_NUMBER_LENGTH = 100;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build();

    private Binding() {
    }

    static ObjectMapper yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(16 * 1024 * 1024);
        // The builder, unlike new YAMLFactory(), leaves this off: 'meetings:' without entries would read as "".
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(CONSTRAINTS)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
        return strict(YAMLMapper.builder(factory)).build();
    }

    static ObjectMapper json() {
        return strict(JsonMapper.builder(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build())).build();
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
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Registered after JavaTimeModule, so these win: a date is text in its ISO form, never a number
                // (which JavaTimeModule reads as a day count) nor an array.
                .addModule(new SimpleModule("iso-text-dates")
                        .addDeserializer(LocalDate.class, new IsoText<>(LocalDate.class, LocalDate::parse))
                        .addDeserializer(YearMonth.class, new IsoText<>(YearMonth.class, YearMonth::parse)));
    }

    /** Reads a date or month only from text in its ISO form, strictly (2024-02-30 is not a date). */
    private static final class IsoText<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> parse;

        IsoText(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            @SuppressWarnings("unchecked")
            Class<T> type = (Class<T>) handledType();
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            String text = p.getText().strip();
            try {
                return parse.apply(text);
            } catch (DateTimeException e) {
                return type.cast(ctxt.handleWeirdStringValue(type, text, "not in ISO form"));
            }
        }
    }

    static Failure describe(JsonProcessingException error, String prefix) {
        String path = prefix;
        if (error instanceof JsonMappingException mapping) {
            path = join(prefix, path(mapping));
        } else if (error instanceof StreamReadException read && read.getProcessor() != null) {
            // A syntax error (a duplicate key, say): the parser knows where it stood.
            path = join(prefix, path(read.getProcessor().getParsingContext()));
        }
        JsonLocation location = error.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InputCoercionException coercion) {
                String message = String.valueOf(coercion.getOriginalMessage());
                int open = message.indexOf('(');
                int close = message.indexOf(')', open + 1);
                String value = open >= 0 && close > open ? "'" + message.substring(open + 1, close) + "' " : "the number ";
                return new Failure(path, value + "is out of range: expected " + expected(coercion.getTargetType())
                        + range(coercion.getTargetType()), line);
            }
            if (cause instanceof StreamConstraintsException limit) {
                return new Failure(path, constraint(limit), line);
            }
        }
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
            if (Temporal.class.isAssignableFrom(target) || target == YearMonth.class) {
                return new Failure(path, "expected " + expected(target) + ", written as text", line);
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

    private static String range(Class<?> target) {
        if (target == int.class || target == Integer.class) {
            return " up to " + Integer.MAX_VALUE;
        }
        if (target == long.class || target == Long.class) {
            return " up to " + Long.MAX_VALUE;
        }
        return "";
    }

    private static String constraint(StreamConstraintsException limit) {
        String message = String.valueOf(limit.getOriginalMessage());
        if (message.startsWith("Number value length")) {
            return "a number with more than " + MAX_NUMBER_LENGTH + " digits is out of range";
        }
        if (message.startsWith("Document nesting depth")) {
            return "nested more than " + MAX_NESTING + " levels deep";
        }
        return firstLine(message);
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

    private static String path(JsonStreamContext context) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        String path = "";
        for (String part : parts) {
            path = join(path, part);
        }
        return path;
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
