package io.github.rubric.rules;

import io.github.rubric.rules.DrlTokens.Kind;
import io.github.rubric.rules.DrlTokens.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DroolsParserException;

/**
 * Inspects an untrusted rule file before anything of it is compiled (Drools evaluates rule metadata while
 * compiling, so compiling is already running the file's code) and refuses, with the file and line, whatever
 * lies outside {@link SafeModePolicy}.
 *
 * <p>Two passes. The Drools DRL parser gives the file's structure: its package, globals, declared types,
 * functions and rule attributes. A token scan of the whole text then reads every name in the code,
 * wherever it stands (conditions, consequences, functions, metadata, attributes, declared fields): each
 * qualified or type name must resolve to an allowed class or to one of the file's own declared types, and
 * refused names and constructs (loops, statics, fact changes, reflection…) are reported. It is a static
 * check of the text, not a JVM sandbox: see {@code docs/security.md} for what it guarantees.
 */
final class SafeMode {
    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "char", "const", "continue", "default",
            "double", "else", "extends", "false", "final", "float", "goto", "if", "implements", "instanceof", "int",
            "long", "new", "null", "package", "private", "protected", "public", "return", "short", "super", "switch",
            "this", "throw", "throws", "true", "var", "void", "yield");

    private final RubricSource source;
    private final List<ClassLoader> loaders;
    private final List<RubricException.Problem> problems = new ArrayList<>();
    private final Map<String, Optional<Class<?>>> classes = new HashMap<>();
    private String packageName = "";
    private final Set<String> declared = new HashSet<>();
    private final List<String> explicitImports = new ArrayList<>();
    private final List<String> wildcardImports = new ArrayList<>();

    private SafeMode(RubricSource source, List<ClassLoader> loaders) {
        this.source = source;
        this.loaders = loaders;
    }

    /**
     * What safe mode found, and the rules as the parser read them.
     *
     * @param problems every problem that makes the file unsafe, in file order; empty when safe mode accepts it
     * @param parsed the text the rules are built from ({@link RubricCompiler.Prepared#text}) as Drools' parser read
     *     it, for the build to compile without parsing it again; null when there are problems, or when that text did
     *     not parse and safe mode read the file as written instead (the build then parses for itself)
     */
    record Checked(List<RubricException.Problem> problems, PackageDescr parsed) {
    }

    /**
     * @param source the rubric file
     * @param prepared its tokens, and the text its rules are built from: the file's, or with the gates written in,
     *     which add a pattern at the start of some conditions and leave the declarations, functions, attributes and
     *     globals that safe mode reads from the parse as they are
     */
    static Checked check(RubricSource source, RubricCompiler.Prepared prepared) {
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(SafeMode.class.getClassLoader());
        SafeMode check = new SafeMode(source, loaders);
        PackageDescr parsed = check.run(prepared);
        List<RubricException.Problem> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(check.problems));
        sorted.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Checked(sorted, sorted.isEmpty() ? parsed : null);
    }

    private PackageDescr run(RubricCompiler.Prepared prepared) {
        DrlTokens lexed = prepared.lexed();
        lexed.anomalies().forEach(a -> refuse(a.line(), a.message()));
        int lexical = problems.size();
        PackageDescr pkg = parse(prepared.text());
        PackageDescr built = pkg;
        if (pkg == null && !prepared.text().equals(source.text())) {
            // the parser's complaint about the file as written, not about the gates written into it; the build parses
            // for itself
            problems.subList(lexical, problems.size()).clear();
            pkg = parse(source.text());
            built = null;
        }
        if (pkg == null) {
            return null;
        }
        structure(pkg);
        scan(lexed.tokens());
        globals(pkg);
        return built;
    }

    /** After the scan, which collected the imports a global's type may rely on. */
    private void globals(PackageDescr pkg) {
        for (GlobalDescr global : pkg.getGlobals()) {
            Class<?> type = resolveTypeName(global.getType());
            if (!global.getIdentifier().equals("score") || type != Scoring.class) {
                refuse(global.getLine(), "global " + global.getType() + " " + global.getIdentifier()
                        + ": the only global an untrusted rule file may declare is 'global "
                        + Scoring.class.getName() + " score'");
            }
        }
    }

    private PackageDescr parse(String text) {
        DrlParsing.Parse parse;
        try {
            parse = DrlParsing.parse(text, RubricCompiler.LANGUAGE_LEVEL);
        } catch (DroolsParserException e) {
            refuse(0, "the rules cannot be parsed: " + e.getMessage());
            return null;
        }
        if (parse.parsed() == null) {
            for (DrlParsing.Error error : parse.errors()) {
                problems.add(new RubricException.Problem(source.name(), error.line(),
                        "rules: " + error.message().strip()));
            }
            if (parse.errors().isEmpty()) {
                refuse(0, "the rules cannot be parsed");
            }
            return null;
        }
        return parse.parsed();
    }

    // ---- structure, from the parser ----

    private void structure(PackageDescr pkg) {
        packageName = pkg.getName() == null ? "" : pkg.getName();
        for (String reserved : SafeModePolicy.RESERVED_PACKAGES) {
            if ((packageName + ".").startsWith(reserved.endsWith(".") ? reserved : reserved + ".")) {
                refuse(pkg.getLine(), "package " + packageName + " is reserved; give the rules a package of their own");
            }
        }
        for (AbstractClassTypeDeclarationDescr type : pkg.getClassAndEnumDeclarationDescrs()) {
            declared.add(type.getTypeName());
        }
        // Imports are checked by the token scan, which meets them before any code that uses them.
        AttributeDescr packageDialect = pkg.getAttribute("dialect");
        if (packageDialect != null && !"java".equals(packageDialect.getValue())) {
            refuse(packageDialect.getLine(), "dialect \"" + packageDialect.getValue() + "\" is refused; consequences"
                    + " must be Java, whose calls safe mode can check");
        }
        for (RuleDescr rule : pkg.getRules()) {
            for (AttributeDescr attribute : rule.getAttributes().values()) {
                String name = attribute.getName();
                if (name.equals("dialect") && !"java".equals(attribute.getValue())) {
                    refuse(attribute.getLine() > 0 ? attribute.getLine() : rule.getLine(), "rule \"" + rule.getName()
                            + "\": dialect \"" + attribute.getValue() + "\" is refused; consequences must be Java");
                }
                if (name.equals("timer") || name.equals("duration") || name.equals("calendars")) {
                    refuse(attribute.getLine() > 0 ? attribute.getLine() : rule.getLine(), "rule \"" + rule.getName()
                            + "\": the attribute '" + name + "' schedules work on other threads; scoring rules fire"
                            + " once, on the facts as they are");
                }
            }
        }
        functions(pkg.getFunctions());
    }

    private void importCheck(String importTarget, int line) {
        String target = importTarget.strip();
        if (target.endsWith(".*")) {
            String pkgName = target.substring(0, target.length() - 2);
            if (!SafeModePolicy.PACKAGES.contains(pkgName) && !SafeModePolicy.WILDCARD_PACKAGES.contains(pkgName)) {
                refuse(line, "import " + target + ": the package is not on safe mode's allow-list");
            }
            if (!wildcardImports.contains(pkgName)) {
                wildcardImports.add(pkgName);
            }
            return;
        }
        if (!explicitImports.contains(target)) {
            explicitImports.add(target);
        }
        Class<?> type = resolveQualified(target);
        if (type == null) {
            String pkgName = target.contains(".") ? target.substring(0, target.lastIndexOf('.')) : "";
            if (!SafeModePolicy.PACKAGES.contains(pkgName)) {
                refuse(line, "import " + target + ": no such class on the allow-list");
            }
            return;
        }
        String why = SafeModePolicy.refusal(type);
        if (why != null) {
            refuse(line, "import " + target + " is refused (" + why + ")");
        }
    }

    /** Refuses recursion between the file's functions: without loops, recursion is the way to run forever. */
    private void functions(List<FunctionDescr> functions) {
        Map<String, FunctionDescr> byName = new LinkedHashMap<>();
        functions.forEach(f -> byName.put(f.getName(), f));
        Map<String, Set<String>> calls = new HashMap<>();
        for (FunctionDescr f : functions) {
            Set<String> called = new HashSet<>();
            List<Token> body = DrlTokens.of(f.getBody() == null ? "" : f.getBody(), f.getLine()).tokens();
            for (int i = 0; i + 1 < body.size(); i++) {
                if (body.get(i).kind() == Kind.NAME && byName.containsKey(body.get(i).text()) && body.get(i + 1).is("(")
                        && (i == 0 || !body.get(i - 1).is("."))) {
                    called.add(body.get(i).text());
                }
            }
            calls.put(f.getName(), called);
        }
        for (FunctionDescr f : functions) {
            if (reaches(f.getName(), f.getName(), calls, new HashSet<>())) {
                refuse(f.getLine(), "function " + f.getName() + " calls itself, directly or through other functions;"
                        + " recursion could run forever");
            }
        }
    }

    private static boolean reaches(String from, String target, Map<String, Set<String>> calls, Set<String> seen) {
        for (String next : calls.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(next, target, calls, seen)) {
                return true;
            }
        }
        return false;
    }

    // ---- the code, from the tokens ----

    private void scan(List<Token> tokens) {
        boolean inCondition = false;
        int depth = 0;
        int codeBlockDepth = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
                if (depth < codeBlockDepth) {
                    codeBlockDepth = -1;
                }
            }
            if (t.kind() == Kind.SYMBOL) {
                if (t.is(".") && next != null && next.is("{")) {
                    refuse(t.line(), "MVEL with-blocks (.{ … }) change facts; rules must not change facts");
                }
                if (isAssignment(t.text())) {
                    boolean member = prev != null && prev.kind() == Kind.NAME && i > 1 && tokens.get(i - 2).is(".");
                    if (inCondition && codeBlockDepth < 0) {
                        refuse(t.line(), "'" + t.text() + "' in a condition assigns a value and can change a fact;"
                                + " conditions compare with ==, <, >=…");
                    } else if (member) {
                        refuse(t.line(), "'" + prev.text() + " " + t.text() + "' assigns to a field; rules must not"
                                + " change facts");
                    }
                }
                continue;
            }
            if (t.kind() != Kind.NAME) {
                continue;
            }
            String name = t.text();
            boolean member = prev != null && (prev.is(".") || prev.is("::"));
            if (!member && name.equals("package") && i == 0) {
                // the file's own package statement, checked from the parser's structure
                i = skipStatement(tokens, i);
                continue;
            }
            if (!member && name.equals("import")) {
                // Checked again wherever it stands: MVEL would accept an import inside an expression.
                int end = skipStatement(tokens, i);
                inlineImport(tokens.subList(i + 1, Math.min(end + 1, tokens.size())), t.line());
                i = end;
                continue;
            }
            if (!member && name.equals("when")) {
                inCondition = true;
            } else if (!member && name.equals("then")) {
                inCondition = false;
                codeBlockDepth = -1;
            }
            if (inCondition && !member && next != null && next.is("(")
                    && (name.equals("init") || name.equals("action") || name.equals("reverse") || name.equals("result"))) {
                // accumulate's code blocks are Java statements: assignments there touch local variables only.
                codeBlockDepth = depth + 1;
            }
            String denied = name.startsWith("parallel") ? "threads" : SafeModePolicy.DENIED_NAMES.get(name);
            if (denied != null) {
                refuse(t.line(), "'" + name + "' is refused (" + denied + ")");
                continue;
            }
            if (isSetter(name) && next != null && next.is("(")) {
                refuse(t.line(), "'" + name + "(…)' is refused: rules must not change facts");
                continue;
            }
            if (member) {
                continue;
            }
            if (SafeModePolicy.FACT_MUTATIONS.contains(name) && next != null && (next.is("(") || next.is("{"))) {
                refuse(t.line(), "'" + name + "' is refused: rules must not change or remove facts; report through"
                        + " score, or insert new facts of the rubric's own types");
                continue;
            }
            if (constructs(tokens, i)) {
                continue;
            }
            if (!KEYWORDS.contains(name) && !name.startsWith("$")) {
                chain(tokens, i);
            }
        }
    }

    private static boolean isAssignment(String op) {
        return switch (op) {
            case "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>=", "++", "--" -> true;
            default -> false;
        };
    }

    private static boolean isSetter(String name) {
        return name.length() > 3 && name.startsWith("set") && Character.isUpperCase(name.charAt(3))
                && !SafeModePolicy.HARMLESS_SETTERS.contains(name);
    }

    /** Checks the Java constructs that depend on what follows a keyword; true when the token was one. */
    private boolean constructs(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        Token prev = i > 0 ? tokens.get(i - 1) : null;
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        switch (t.text()) {
            case "do" -> {
                // do[name] is a DRL named consequence; do { } while is a loop.
                if (next == null || !next.is("[")) {
                    refuse(t.line(), "do-while loops are refused: a loop could run forever");
                }
                return true;
            }
            case "for" -> {
                if (next != null && next.is("(") && classicFor(tokens, i + 1)) {
                    refuse(t.line(), "for(;;) loops are refused: a loop could run forever; a for-each loop over a"
                            + " collection is allowed");
                }
                return true;
            }
            case "enum" -> {
                if (prev == null || !prev.is("declare")) {
                    refuse(t.line(), "local enums are refused; declare the type with 'declare enum'");
                }
                return true;
            }
            case "record" -> {
                if (next != null && next.kind() == Kind.NAME && i + 2 < tokens.size()
                        && (tokens.get(i + 2).is("(") || tokens.get(i + 2).is("<"))) {
                    refuse(t.line(), "local records are refused; declare the type with 'declare'");
                    return true;
                }
                return false;
            }
            case "new" -> {
                if (anonymousClass(tokens, i + 1)) {
                    refuse(t.line(), "anonymous classes are refused; use a lambda or a declared type");
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean classicFor(List<Token> tokens, int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
                if (depth == 0) {
                    return false;
                }
            } else if (t.is(";") && depth == 1) {
                return true;
            }
        }
        return true;
    }

    private static boolean anonymousClass(List<Token> tokens, int start) {
        int k = start;
        int angle = 0;
        while (k < tokens.size()) {
            Token t = tokens.get(k);
            if (t.is("<")) {
                angle++;
            } else if (t.is(">")) {
                angle--;
            } else if (t.is(">>")) {
                angle -= 2;
            } else if (t.kind() == Kind.NAME || t.is(".") || t.is(",") || t.is("?") || angle > 0) {
                // part of the type name or its type arguments
            } else {
                break;
            }
            k++;
        }
        if (k >= tokens.size() || !tokens.get(k).is("(")) {
            return false;
        }
        int depth = 0;
        for (; k < tokens.size(); k++) {
            if (tokens.get(k).is("(")) {
                depth++;
            } else if (tokens.get(k).is(")")) {
                depth--;
                if (depth == 0) {
                    return k + 1 < tokens.size() && tokens.get(k + 1).is("{");
                }
            }
        }
        return false;
    }

    private static int skipStatement(List<Token> tokens, int i) {
        int k = i + 1;
        while (k < tokens.size()) {
            Token t = tokens.get(k);
            if (t.kind() == Kind.NAME || t.is(".") || t.is("*")) {
                if (t.kind() == Kind.NAME && k > i + 1 && tokens.get(k - 1).kind() == Kind.NAME
                        && !isImportModifier(tokens.get(k - 1).text())) {
                    break;
                }
                k++;
            } else {
                break;
            }
        }
        if (k < tokens.size() && tokens.get(k).is(";")) {
            return k;
        }
        return k - 1;
    }

    private void inlineImport(List<Token> statement, int line) {
        StringBuilder target = new StringBuilder();
        boolean modified = false;
        for (Token t : statement) {
            if (t.is(";")) {
                break;
            }
            if (target.length() == 0 && t.kind() == Kind.NAME && isImportModifier(t.text())) {
                modified = true;
                continue;
            }
            target.append(t.text());
        }
        if (modified) {
            refuse(line, "function, accumulate and static imports (" + target + ") run code from outside the rule"
                    + " file");
        } else if (target.length() > 0) {
            importCheck(target.toString(), line);
        }
    }

    private static boolean isImportModifier(String word) {
        return word.equals("import") || word.equals("function") || word.equals("accumulate") || word.equals("static");
    }

    /** Resolves the qualified or type name starting at token {@code i} and refuses what is not allowed. */
    private void chain(List<Token> tokens, int i) {
        List<String> segments = new ArrayList<>();
        segments.add(tokens.get(i).text());
        int k = i + 1;
        while (k + 1 < tokens.size() && tokens.get(k).is(".") && tokens.get(k + 1).kind() == Kind.NAME) {
            segments.add(tokens.get(k + 1).text());
            k += 2;
        }
        int line = tokens.get(i).line();
        String first = segments.get(0);
        if (Character.isUpperCase(first.codePointAt(0))) {
            // A declared type may shadow a JDK class in Java's reading, but not necessarily in MVEL's: every
            // class the name could mean must be allowed.
            for (Class<?> type : resolveSimple(first)) {
                refuseType(line, type, segments);
                nested(line, type, segments, 1);
            }
            return;
        }
        if (declared.contains(first) || segments.size() < 2) {
            return;
        }
        StringBuilder qualified = new StringBuilder(first);
        for (int n = 1; n < segments.size(); n++) {
            qualified.append('.').append(segments.get(n));
            Class<?> type = load(qualified.toString());
            if (type != null) {
                refuseType(line, type, segments);
                nested(line, type, segments, n + 1);
                return;
            }
        }
        if (SafeModePolicy.PACKAGE_ROOTS.contains(first)) {
            refuse(line, "'" + String.join(".", segments) + "' is a qualified name that is not an allowed class");
        }
    }

    private void nested(int line, Class<?> outer, List<String> segments, int from) {
        Class<?> current = outer;
        for (int n = from; n < segments.size(); n++) {
            Class<?> inner = load(current.getName() + "$" + segments.get(n));
            if (inner == null) {
                return;
            }
            refuseType(line, inner, segments);
            current = inner;
        }
    }

    private void refuseType(int line, Class<?> type, List<String> segments) {
        String why = SafeModePolicy.refusal(type);
        if (why != null) {
            refuse(line, "'" + String.join(".", segments) + "' uses " + type.getName() + ", which is refused (" + why + ")");
        }
    }

    /** Every class a simple name could mean, as Java or MVEL could resolve it; refusing any is the safe reading. */
    private List<Class<?>> resolveSimple(String simple) {
        List<Class<?>> found = new ArrayList<>();
        for (String imp : explicitImports) {
            if (imp.equals(simple) || imp.endsWith("." + simple)) {
                Class<?> type = resolveQualified(imp);
                if (type != null) {
                    found.add(type);
                }
            }
        }
        List<String> packages = new ArrayList<>(wildcardImports);
        packages.add(packageName);
        packages.add("java.lang");
        for (String pkg : packages) {
            Class<?> type = load(pkg.isEmpty() ? simple : pkg + "." + simple);
            if (type != null && !found.contains(type)) {
                found.add(type);
            }
        }
        return found;
    }

    private Class<?> resolveTypeName(String name) {
        String plain = name.strip();
        if (plain.contains(".")) {
            return resolveQualified(plain);
        }
        List<Class<?>> found = resolveSimple(plain);
        return found.size() == 1 ? found.get(0) : null;
    }

    /** A dotted name as a class, trying nested classes ({@code java.util.Map.Entry}) too. */
    private Class<?> resolveQualified(String dotted) {
        Class<?> type = load(dotted);
        String name = dotted;
        while (type == null && name.lastIndexOf('.') > 0) {
            int cut = name.lastIndexOf('.');
            name = name.substring(0, cut) + "$" + name.substring(cut + 1);
            type = load(name);
        }
        return type;
    }

    /** Loads a class without initialising it, so no static initialiser of a named class runs. */
    private Class<?> load(String binaryName) {
        return classes.computeIfAbsent(binaryName, n -> {
            for (ClassLoader loader : loaders) {
                try {
                    return Optional.of(Class.forName(n, false, loader));
                } catch (ClassNotFoundException | LinkageError | IllegalArgumentException e) {
                    // not a class for this loader
                }
            }
            return Optional.empty();
        }).orElse(null);
    }

    private void refuse(int line, String message) {
        problems.add(new RubricException.Problem(source.name(), line, "safe mode: " + message));
    }
}
