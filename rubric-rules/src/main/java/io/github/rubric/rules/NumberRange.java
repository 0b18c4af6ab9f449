package io.github.rubric.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The range of numbers a facts file or rubric header may hold. {@code 1e400} or {@code 1e999999999} parse
 * cheaply into a {@link BigDecimal} but mean nothing in an assessment, and printing the second in plain form
 * (as reasons and tables do) would take a gigabyte: such numbers are refused where they are read.
 */
final class NumberRange {
    /** Most digits before the decimal point: amounts and points stay well below a trillion. */
    static final int MAX_INTEGER_DIGITS = 12;
    /** Most digits after the decimal point. */
    static final int MAX_DECIMALS = 6;

    /** A number out of range, and where. */
    record Violation(String path, String problem) {
    }

    private NumberRange() {
    }

    /**
     * @param n a number read from a file
     * @return what is wrong with it, or null when it is in range
     */
    static String problem(Number n) {
        if (n instanceof Double d && !Double.isFinite(d) || n instanceof Float f && !Float.isFinite(f)) {
            return "'" + n + "' is not a finite number";
        }
        BigDecimal value;
        if (n instanceof BigDecimal b) {
            value = b;
        } else if (n instanceof BigInteger b) {
            value = new BigDecimal(b);
        } else if (n instanceof Double || n instanceof Float) {
            value = new BigDecimal(n.toString());
        } else {
            return null;
        }
        // precision - scale is the number of digits before the point, exactly and cheaply for any BigDecimal;
        // numbers have at most Binding.MAX_NUMBER_LENGTH digits, so stripping their zeros is cheap too.
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS
                || value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return "'" + shortForm(value) + "' is out of range: expected at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point and " + MAX_DECIMALS + " after";
        }
        return null;
    }

    /**
     * Looks for a number out of range in a value read from a file: a record's components and list elements,
     * recursively.
     *
     * @param value the value
     * @param path its path, such as {@code meetings[2]}
     * @return the first number out of range, or null
     */
    static Violation find(Object value, String path) {
        if (value instanceof Number n) {
            String problem = problem(n);
            return problem == null ? null : new Violation(path, problem);
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Violation v = find(list.get(i), path + "[" + i + "]");
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
        if (value instanceof Record) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object child;
                try {
                    child = component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
                Violation v = find(child, Binding.join(path, component.getName()));
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** Largest exponent of a number written in scientific notation that is even looked at. */
    static final int MAX_EXPONENT = 1000;

    private static final Pattern SCIENTIFIC =
            Pattern.compile("\\s*[-+]?[0-9_]*(\\.[0-9_]*)?[eE][-+]?0*([0-9]+)\\s*");

    /**
     * @param text a scalar as written
     * @return whether it is a number in scientific notation whose exponent is out of all reason
     *     ({@code 1e999999999}): such a number parses cheaply, but checking or printing it need not
     */
    static boolean hugeExponent(String text) {
        if (text.length() > 200) {
            return false;
        }
        Matcher m = SCIENTIFIC.matcher(text);
        if (!m.matches()) {
            return false;
        }
        String exponent = m.group(2);
        return exponent.length() > 4 || Integer.parseInt(exponent) > MAX_EXPONENT;
    }

    /**
     * Looks for a number out of range in a parsed document, before it is bound to records (whose constructors
     * may print a number in its plain form): numbers out of range, and text in scientific notation with a huge
     * exponent.
     *
     * @param node the document or part of it
     * @param path its path
     * @return the first number out of range, or null
     */
    static Violation find(JsonNode node, String path) {
        if (node.isNumber()) {
            String problem = problem(node.numberValue());
            return problem == null ? null : new Violation(path, problem);
        }
        if (node.isTextual()) {
            return hugeExponent(node.textValue())
                    ? new Violation(path, "'" + node.textValue().strip() + "' is out of range") : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Violation v = find(node.get(i), path + "[" + i + "]");
                if (v != null) {
                    return v;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Violation v = find(field.getValue(), Binding.join(path, field.getKey()));
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static String shortForm(BigDecimal value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 20) + "…(" + text.length() + " characters)";
    }
}
