package io.github.rubric.rules;

import java.util.Map;
import java.util.Set;

/**
 * What an untrusted rule file may use: the allow-list of Java types and the names and constructs safe mode
 * refuses, each with the reason an author is told. See {@code docs/security.md}.
 */
final class SafeModePolicy {
    private SafeModePolicy() {
    }

    /** The java.lang types a rule may name: values, text, arithmetic, common exceptions. */
    static final Set<String> JAVA_LANG = Set.of(
            "Object", "String", "StringBuilder", "CharSequence", "Math", "StrictMath", "Number", "Integer", "Long",
            "Short", "Byte", "Double", "Float", "Boolean", "Character", "Comparable", "Iterable", "Enum", "Void",
            "Override", "SuppressWarnings", "Deprecated", "FunctionalInterface", "SafeVarargs",
            "ArithmeticException", "IllegalArgumentException", "IllegalStateException", "IndexOutOfBoundsException",
            "NullPointerException", "NumberFormatException", "RuntimeException", "UnsupportedOperationException");

    /** The java.util types a rule may name: collections and their helpers. */
    static final Set<String> JAVA_UTIL = Set.of(
            "AbstractMap", "ArrayDeque", "ArrayList", "Arrays", "Collection", "Collections", "Comparator", "Deque",
            "DoubleSummaryStatistics", "EnumMap", "EnumSet", "HashMap", "HashSet", "IntSummaryStatistics", "Iterator",
            "LinkedHashMap", "LinkedHashSet", "LinkedList", "List", "ListIterator", "LongSummaryStatistics", "Map",
            "NavigableMap", "NavigableSet", "NoSuchElementException", "Objects", "Optional", "OptionalDouble",
            "OptionalInt", "OptionalLong", "PriorityQueue", "Queue", "Set", "SortedMap", "SortedSet", "StringJoiner",
            "TreeMap", "TreeSet");

    /** Packages whose every type a rule may name (except {@link #DENIED_CLASSES}). */
    static final Set<String> PACKAGES = Set.of(
            "io.github.rubric.model", "io.github.rubric.model.fact", "io.github.rubric.model.result",
            "io.github.rubric.model.structure", "java.math", "java.time", "java.time.chrono", "java.time.format",
            "java.time.temporal", "java.util.function", "java.util.stream");

    /** Single classes allowed outside those packages. */
    static final Set<String> CLASSES = Set.of(Scoring.class.getName());

    /** Types refused although their package is allowed: they read the system clock. */
    static final Set<String> DENIED_CLASSES = Set.of("java.time.Clock", "java.time.InstantSource");

    /** Packages a wildcard import may name; each simple name it brings in is still checked. */
    static final Set<String> WILDCARD_PACKAGES = Set.of("java.lang", "java.util");

    /** Package prefixes a rule file's own {@code package} must not take. */
    static final Set<String> RESERVED_PACKAGES = Set.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.drools.", "org.kie.", "org.mvel2.",
            "io.github.rubric.rules", "io.github.rubric.model");

    /**
     * First segments of qualified names that name packages, not variables: a qualified name starting with
     * one of them must resolve to an allowed class.
     */
    static final Set<String> PACKAGE_ROOTS = Set.of(
            "java", "javax", "jdk", "sun", "com", "org", "net", "io", "edu", "gov", "kotlin", "scala", "groovy",
            "lombok", "ch", "de", "cn");

    /** Names refused wherever they appear, with the reason. */
    static final Map<String, String> DENIED_NAMES = Map.ofEntries(
            Map.entry("getClass", "reflection"), Map.entry("class", "class literals and local classes (reflection)"),
            Map.entry("forName", "class loading"), Map.entry("getClassLoader", "class loading"),
            Map.entry("classLoader", "class loading"), Map.entry("getContextClassLoader", "class loading"),
            Map.entry("contextClassLoader", "class loading"), Map.entry("loadClass", "class loading"),
            Map.entry("defineClass", "class loading"), Map.entry("newInstance", "reflection"),
            Map.entry("getMethod", "reflection"), Map.entry("getMethods", "reflection"),
            Map.entry("getDeclaredMethod", "reflection"), Map.entry("getDeclaredMethods", "reflection"),
            Map.entry("getField", "reflection"), Map.entry("getFields", "reflection"),
            Map.entry("getDeclaredField", "reflection"), Map.entry("getDeclaredFields", "reflection"),
            Map.entry("getConstructor", "reflection"), Map.entry("getConstructors", "reflection"),
            Map.entry("getDeclaredConstructor", "reflection"), Map.entry("getDeclaredConstructors", "reflection"),
            Map.entry("invoke", "reflection"), Map.entry("invokeExact", "reflection"),
            Map.entry("setAccessible", "reflection"), Map.entry("accessible", "reflection"),
            Map.entry("getModule", "reflection"), Map.entry("getResource", "class loading"),
            Map.entry("getResourceAsStream", "class loading"),
            Map.entry("exit", "system access"), Map.entry("loadLibrary", "native code"), Map.entry("halt", "system access"), Map.entry("exec", "system access"),
            Map.entry("getRuntime", "system access"), Map.entry("runtime", "system access"),
            Map.entry("getenv", "system access"), Map.entry("getInteger", "reads system properties"),
            Map.entry("getLong", "reads system properties"), Map.entry("getBoolean", "reads system properties"),
            Map.entry("setDefault", "changes global state"),
            Map.entry("currentThread", "threads"), Map.entry("wait", "threads"), Map.entry("notify", "threads"),
            Map.entry("notifyAll", "threads"), Map.entry("sleep", "threads"), Map.entry("parallel", "threads"),
            Map.entry("parallelStream", "threads"), Map.entry("finalize", "finalizers"),
            Map.entry("now", "reads the clock, so the score would change from day to day; use the assessment period"),
            Map.entry("systemDefault", "reads the machine's settings, so the score could change from machine to machine"),
            Map.entry("random", "randomness would change the score from run to run"),
            Map.entry("randomUUID", "randomness would change the score from run to run"),
            Map.entry("iterate", "unbounded streams could run forever"),
            Map.entry("generate", "unbounded streams could run forever"),
            Map.entry("matches", "regular expressions can take unbounded time; compare text with equals,"
                    + " startsWith or contains"),
            Map.entry("replaceAll", "regular expressions can take unbounded time; use replace"),
            Map.entry("replaceFirst", "regular expressions can take unbounded time; use replace"),
            Map.entry("split", "regular expressions can take unbounded time"),
            Map.entry("drools", "the rule engine's internals"), Map.entry("kcontext", "the rule engine's internals"),
            Map.entry("foreach", "loops could run forever; use collect or accumulate in the condition"),
            Map.entry("until", "loops could run forever; use collect or accumulate in the condition"),
            Map.entry("while", "loops could run forever; use collect or accumulate in the condition,"
                    + " or a for-each loop over a collection"),
            Map.entry("static", "static state would be shared between evaluations"),
            Map.entry("synchronized", "threads"), Map.entry("volatile", "threads"),
            Map.entry("transient", "not needed in rules"), Map.entry("native", "native code"),
            Map.entry("strictfp", "not needed in rules"), Map.entry("interface", "local types"),
            Map.entry("try", "catching errors could hide a failed scoring call and change a score silently"),
            Map.entry("catch", "catching errors could hide a failed scoring call and change a score silently"),
            Map.entry("finally", "catching errors could hide a failed scoring call and change a score silently"));

    /** Calls that change or remove facts, refused when called as Drools' consequence macros. */
    static final Set<String> FACT_MUTATIONS = Set.of("modify", "update", "retract", "delete");

    /** Methods named like setters that only compute a new value. */
    static final Set<String> HARMLESS_SETTERS = Set.of("setScale");

    /**
     * @param type a class a rule file names
     * @return why safe mode refuses it, or null when it is allowed
     */
    static String refusal(Class<?> type) {
        Class<?> c = type;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive()) {
            return null;
        }
        String name = c.getName();
        String top = name.indexOf('$') < 0 ? name : name.substring(0, name.indexOf('$'));
        String pkg = c.getPackageName();
        if (CLASSES.contains(top)) {
            return null;
        }
        if (PACKAGES.contains(pkg) && !DENIED_CLASSES.contains(top)) {
            return null;
        }
        String simple = top.substring(top.lastIndexOf('.') + 1);
        if (pkg.equals("java.lang") && JAVA_LANG.contains(simple)) {
            return null;
        }
        if (pkg.equals("java.util") && JAVA_UTIL.contains(simple)) {
            return null;
        }
        return category(pkg, simple);
    }

    private static String category(String pkg, String simple) {
        if (pkg.startsWith("java.io") || pkg.startsWith("java.nio")) {
            return "files";
        }
        if (pkg.startsWith("java.net") || pkg.startsWith("javax.net")) {
            return "network";
        }
        if (pkg.startsWith("java.lang.reflect") || pkg.startsWith("java.lang.invoke")) {
            return "reflection";
        }
        if (pkg.startsWith("java.util.concurrent") || simple.startsWith("Thread") || simple.equals("Timer")
                || simple.equals("InheritableThreadLocal")) {
            return "threads";
        }
        if (pkg.equals("java.lang") && (simple.equals("System") || simple.equals("Runtime") || simple.startsWith("Process")
                || simple.equals("SecurityManager") || simple.equals("StackWalker"))) {
            return "system access";
        }
        if (simple.equals("Class") || simple.contains("ClassLoader") || simple.startsWith("Module")
                || simple.equals("ServiceLoader") || simple.equals("ClassValue")) {
            return "class loading";
        }
        if (pkg.startsWith("io.github.rubric.rules")) {
            return "the library's loading and scoring machinery; rules report through the global score";
        }
        if (pkg.startsWith("org.drools") || pkg.startsWith("org.kie") || pkg.startsWith("org.mvel2")) {
            return "the rule engine's internals";
        }
        return "not on the allow-list";
    }
}
