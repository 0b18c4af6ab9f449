package io.github.rubric.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.VarHandle;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.compiler.compiler.Dialect;
import org.drools.compiler.compiler.PackageRegistry;
import org.drools.ecj.EclipseCompilationProblem;
import org.drools.ecj.EclipseJavaCompiler;
import org.drools.ecj.EclipseJavaCompilerSettings;
import org.drools.mvel.java.JavaDialect;
import org.drools.mvel.java.JavaForMvelDialectConfiguration;
import org.drools.util.ClassUtils;
import org.drools.util.PortablePath;
import org.eclipse.jdt.core.compiler.CharOperation;
import org.eclipse.jdt.internal.compiler.ClassFile;
import org.eclipse.jdt.internal.compiler.CompilationResult;
import org.eclipse.jdt.internal.compiler.Compiler;
import org.eclipse.jdt.internal.compiler.DefaultErrorHandlingPolicies;
import org.eclipse.jdt.internal.compiler.ICompilerRequestor;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileReader;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFormatException;
import org.eclipse.jdt.internal.compiler.env.ICompilationUnit;
import org.eclipse.jdt.internal.compiler.env.IRecordComponent;
import org.eclipse.jdt.internal.compiler.env.INameEnvironment;
import org.eclipse.jdt.internal.compiler.env.NameEnvironmentAnswer;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.eclipse.jdt.internal.compiler.lookup.LookupEnvironment;
import org.eclipse.jdt.internal.compiler.lookup.ModuleBinding;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblemFactory;
import org.kie.memorycompiler.AbstractJavaCompiler;
import org.kie.memorycompiler.CompilationProblem;
import org.kie.memorycompiler.JavaCompiler;
import org.kie.memorycompiler.JavaCompilerSettings;
import org.kie.memorycompiler.resources.ResourceReader;
import org.kie.memorycompiler.resources.ResourceStore;

/**
 * Compiles the Java that Drools generates for a rubric's functions and rules with the Eclipse compiler, as Drools'
 * own {@link EclipseJavaCompiler} does, but reads each class of the application's class path once per JVM instead
 * of once per compilation.
 *
 * <p>Compiling a rule's consequence, the Eclipse compiler asks for every type it meets ({@code java.lang.Object},
 * {@code java.util.List}, the fact classes, Drools' runtime types…). Drools' compiler answers each question by
 * reading the class file from the class loader and decoding it: in a warm JVM that was about an eighth of a
 * rubric's compile, and each compilation (two per rubric: its functions, then its rules) did it again for the
 * same classes. Here the decoded class files of the class path are kept and shared by every rubric with the same
 * parent class loader ({@link RubricClassLoader#classFiles()}), on the assumption {@link RubricClassLoader} makes
 * already: the parent class loader does not gain or change classes while rubrics are compiled under it. The
 * classes a rubric defines itself (its declared types, functions and rules) are read afresh each time, as Drools
 * reads them.
 *
 * <p>Everything else is Drools' compiler unchanged: the same settings and options, so the same class files and
 * problems ({@code EcjCompilerTest} compares them).
 */
final class EcjCompiler extends AbstractJavaCompiler {
    /** Stands in the shared map for a class the parent class loader does not have. */
    private static final Object ABSENT = new Object();
    private static final String GENERATE = EclipseJavaCompilerSettings.CompilerOptions_GENERATE;
    private static final String DO_NOT_GENERATE = EclipseJavaCompilerSettings.CompilerOptions_DO_NOT_GENERATE;
    /** How a {@link JavaDialect} holds its compiler, or null if this version of Drools holds it otherwise. */
    private static final VarHandle DIALECT_COMPILER = dialectCompiler();

    private final JavaCompilerSettings settings;

    private EcjCompiler(JavaCompilerSettings settings) {
        this.settings = settings;
        setJavaCompilerSettings(settings);
    }

    private static VarHandle dialectCompiler() {
        return DroolsFields.settable(JavaDialect.class, "compiler", JavaCompiler.class, "rules will be compiled by"
                + " Drools' own Java compiler, reading the class path anew for each rubric");
    }

    /**
     * The configuration of Drools' Java dialect, whose dialects compile with an {@link EcjCompiler} in place of
     * Drools' Eclipse compiler (with its settings). A dialect configured for another compiler keeps it.
     */
    static final class DialectConfiguration extends JavaForMvelDialectConfiguration {
        DialectConfiguration(KnowledgeBuilderConfigurationImpl configuration) {
            super(configuration);
        }

        /** Puts this configuration in place of the builder configuration's own for Drools' Java dialect. */
        static void install(KnowledgeBuilderConfigurationImpl configuration) {
            if (DIALECT_COMPILER != null && configuration.getDialectConfiguration(JavaDialect.ID)
                    instanceof JavaForMvelDialectConfiguration) {
                configuration.setDialectConfiguration(JavaDialect.ID, new DialectConfiguration(configuration));
            }
        }

        @Override
        public Dialect newDialect(ClassLoader rootClassLoader, KnowledgeBuilderConfigurationImpl configuration,
                                  PackageRegistry registry, InternalKnowledgePackage pkg) {
            Dialect dialect = super.newDialect(rootClassLoader, configuration, registry, pkg);
            if (dialect instanceof JavaDialect java
                    && DIALECT_COMPILER.get(java) instanceof EclipseJavaCompiler drools) {
                // Drools' compiler made by its factory, with the language level set: its settings are ours
                DIALECT_COMPILER.set(java, new EcjCompiler(drools.createDefaultSettings()));
            }
            return dialect;
        }
    }

    /** @return whether a dialect compiles with an {@link EcjCompiler} (for tests) */
    static boolean compilesWithThis(JavaDialect dialect) {
        return DIALECT_COMPILER != null && DIALECT_COMPILER.get(dialect) instanceof EcjCompiler;
    }

    @Override
    public JavaCompilerSettings createDefaultSettings() {
        return settings;
    }

    @Override
    public org.kie.memorycompiler.CompilationResult compile(String[] sourceFiles, ResourceReader reader,
                                                            ResourceStore store, ClassLoader classLoader,
                                                            JavaCompilerSettings compilerSettings) {
        List<CompilationProblem> problems = new ArrayList<>();
        List<Unit> units = new ArrayList<>(sourceFiles.length);
        for (String sourceFile : sourceFiles) {
            PortablePath file = PortablePath.of(sourceFile);
            if (reader.isAvailable(file)) {
                units.add(new Unit(reader, file.asString()));
            } else {
                problems.add(new MissingSource(file.asString()));
            }
        }
        if (!problems.isEmpty()) {
            // as Drools reports them: nothing is compiled
            return new org.kie.memorycompiler.CompilationResult(problems.toArray(new CompilationProblem[0]));
        }
        Set<String> packages = new HashSet<>();
        for (Unit unit : units) {
            packages.add(unit.packageName);
        }
        ICompilerRequestor requestor = result -> collect(result, store, problems);
        CompilerOptions options = new CompilerOptions(options(compilerSettings));
        options.parseLiteralExpressionsAsConstants = false;
        new Compiler(new Environment(reader, store, classLoader, packages),
                DefaultErrorHandlingPolicies.proceedWithAllProblems(), options, requestor,
                new DefaultProblemFactory(Locale.getDefault())).compile(units.toArray(new ICompilationUnit[0]));
        return new org.kie.memorycompiler.CompilationResult(problems.toArray(new CompilationProblem[0]));
    }

    /**
     * The Eclipse compiler's options as Drools' compiler sets them from its settings (its {@code
     * EclipseJavaCompilerSettings}, whose own conversion is not public).
     */
    private static Map<String, String> options(JavaCompilerSettings compilerSettings) {
        Map<String, String> options = new HashMap<>();
        options.put(EclipseJavaCompilerSettings.CompilerOptions_OPTION_LineNumberAttribute, GENERATE);
        options.put(EclipseJavaCompilerSettings.CompilerOptions_OPTION_SourceFileAttribute, GENERATE);
        options.put(EclipseJavaCompilerSettings.CompilerOptions_OPTION_ReportUnusedImport,
                EclipseJavaCompilerSettings.CompilerOptions_IGNORE);
        options.put(EclipseJavaCompilerSettings.CompilerOptions_OPTION_LocalVariableAttribute, GENERATE);
        options.put(EclipseJavaCompilerSettings.CompilerOptions_OPTION_SuppressWarnings,
                compilerSettings.isWarnings() ? GENERATE : DO_NOT_GENERATE);
        options.put(EclipseJavaCompilerSettings.CompilerOptions_OPTION_ReportDeprecation,
                compilerSettings.isDeprecations() ? GENERATE : DO_NOT_GENERATE);
        options.put(EclipseJavaCompilerSettings.CompilerOptions_OPTION_TargetPlatform,
                compilerSettings.getTargetVersion());
        options.put(EclipseJavaCompilerSettings.CompilerOptions_OPTION_Source, compilerSettings.getSourceVersion());
        options.put(EclipseJavaCompilerSettings.CompilerOptions_OPTION_Compliance,
                compilerSettings.getSourceVersion());
        options.put(EclipseJavaCompilerSettings.CompilerOptions_OPTION_Encoding, compilerSettings.getSourceEncoding());
        return options;
    }

    private static void collect(CompilationResult result, ResourceStore store, List<CompilationProblem> problems) {
        if (result.hasProblems()) {
            for (var problem : result.getProblems()) {
                problems.add(new EclipseCompilationProblem(problem));
            }
        }
        if (!result.hasErrors()) {
            for (ClassFile file : result.getClassFiles()) {
                store.write(new String(CharOperation.concatWith(file.getCompoundName(), '/')) + ".class",
                        file.getBytes());
            }
        }
    }

    /** A generated source file, as Drools' compiler reads it. */
    private static final class Unit implements ICompilationUnit {
        private final ResourceReader reader;
        /** The file's name as the reader knows it. */
        private final String file;
        /** The file's name decoded, as Drools' compiler names the unit. */
        private final String decoded;
        /** The unit's package, dotted: {@code io.github.rubric.examples.powerplant}. */
        private final String packageName;
        private final char[][] packageParts;
        private final char[] typeName;

        Unit(ResourceReader reader, String file) {
            this.reader = reader;
            this.file = file;
            this.decoded = URLDecoder.decode(file, StandardCharsets.UTF_8);
            String className = ClassUtils.convertResourceToClassName(decoded);
            int dot = className.lastIndexOf('.');
            this.packageName = dot < 0 ? "" : className.substring(0, dot);
            this.packageParts = dot < 0
                    ? CharOperation.NO_CHAR_CHAR : CharOperation.splitOn('.', packageName.toCharArray());
            this.typeName = className.substring(dot + 1).toCharArray();
        }

        @Override
        public char[] getFileName() {
            return decoded.toCharArray();
        }

        @Override
        public char[] getContents() {
            byte[] content = reader.getBytes(file);
            return content == null ? null : new String(content, StandardCharsets.UTF_8).toCharArray();
        }

        @Override
        public char[] getMainTypeName() {
            return typeName;
        }

        @Override
        public char[][] getPackageName() {
            return packageParts;
        }

        @Override
        public boolean ignoreOptionalProblems() {
            return true;
        }

        @Override
        public char[] getModuleName() {
            return ModuleBinding.UNNAMED;
        }

        @Override
        public ModuleBinding module(LookupEnvironment environment) {
            return environment.getModule(ModuleBinding.UNNAMED);
        }
    }

    /**
     * The types the Eclipse compiler asks for: this compilation's classes (from the store), the rubric's own (from
     * its class loader), then the class path's, decoded once and shared.
     */
    private static final class Environment implements INameEnvironment {
        private final ResourceReader reader;
        private final ResourceStore store;
        private final ClassLoader classLoader;
        /** The rubric's class loader, or null when the compilation runs under another. */
        private final RubricClassLoader rubric;
        /** The packages of the sources compiled, whose names only the rubric has (see {@link #parentClassFile}). */
        private final Set<String> compiledPackages;

        Environment(ResourceReader reader, ResourceStore store, ClassLoader classLoader, Set<String> compiledPackages) {
            this.reader = reader;
            this.store = store;
            this.classLoader = classLoader;
            this.rubric = classLoader instanceof RubricClassLoader loader ? loader : null;
            this.compiledPackages = compiledPackages;
        }

        @Override
        public NameEnvironmentAnswer findType(char[][] compoundTypeName) {
            return findType(new String(CharOperation.concatWith(compoundTypeName, '.')));
        }

        @Override
        public NameEnvironmentAnswer findType(char[] typeName, char[][] packageName) {
            return findType(new String(CharOperation.concatWith(packageName, typeName, '.')));
        }

        private NameEnvironmentAnswer findType(String className) {
            String resource = ClassUtils.convertClassToResourcePath(className);
            byte[] compiled = store.read(resource);
            if (compiled != null) {
                return answer(read(className, compiled));
            }
            if (rubric == null) {
                return answer(readFromClassLoader(className, resource));
            }
            byte[] own = rubric.getBytecode(resource);
            if (own != null) {
                return answer(read(className, own));
            }
            Object known = parentClassFile(className, resource);
            return known == ABSENT ? null : answer((ClassFileReader) known);
        }

        /**
         * What the parent class loader has for a class name the rubric does not define: its class file decoded, or
         * {@link #ABSENT}; from the shared map, or read and kept there. That a name is absent is not kept for the
         * names of the packages compiled (the rubric's rule classes, and the names the compiler tries in them),
         * which another rubric would never ask for.
         *
         * @throws IllegalStateException if the class file is not a valid class file
         */
        private Object parentClassFile(String className, String resource) {
            Map<String, Object> shared = rubric.classFiles();
            Object known = shared.get(className);
            if (known == null) {
                ClassFileReader read = readFromClassLoader(className, resource);
                known = read == null ? ABSENT : read;
                if (read != null || !inCompiledPackage(className)) {
                    rubric.remember(className, known);
                }
            }
            return known;
        }

        private boolean inCompiledPackage(String name) {
            int dot = name.lastIndexOf('.');
            return compiledPackages.contains(name) || dot > 0 && compiledPackages.contains(name.substring(0, dot));
        }

        private static NameEnvironmentAnswer answer(ClassFileReader classFile) {
            return classFile == null ? null : new NameEnvironmentAnswer(classFile, null);
        }

        private ClassFileReader readFromClassLoader(String className, String resource) {
            try (InputStream in = openClassFile(className, resource)) {
                return in == null ? null : read(className, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the class file of " + className, e);
            }
        }

        /** @return the class file of a name as the class loader has it, or null, as Drools' compiler finds it */
        private InputStream openClassFile(String className, String resource) throws IOException {
            InputStream in = classLoader.getResourceAsStream(resource);
            if (in != null && ClassUtils.isCaseSenstiveOS()) {
                // as Drools checks it: on a file system that ignores case, the file may be another class's
                try {
                    classLoader.loadClass(className);
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    in.close();
                    return null;
                }
            }
            return in;
        }

        /**
         * Decodes a class file fully, so that the reader can be shared by compilations on other threads: the
         * constructor decodes all but the components of a record (and the reader's source name), which the compiler
         * would otherwise decode on first use.
         */
        private static ClassFileReader read(String className, byte[] bytes) {
            ClassFileReader classFile;
            try {
                classFile = new ClassFileReader(bytes, className.toCharArray(), true);
            } catch (ClassFormatException e) {
                throw new IllegalStateException("the class file of " + className + " is not a valid class file", e);
            }
            classFile.getSourceName();
            IRecordComponent[] components = classFile.getRecordComponents();
            if (components != null) {
                for (IRecordComponent component : components) {
                    component.getName();
                    component.getTypeName();
                    component.getGenericSignature();
                }
            }
            return classFile;
        }

        @Override
        public boolean isPackage(char[][] parentPackageName, char[] packageName) {
            String candidate = new String(CharOperation.concatWith(parentPackageName, packageName, '.'));
            // as Drools decides it: a name is a package unless a class or a source file has it
            if (findsClass(candidate)) {
                return false;
            }
            String path = candidate.replace('.', '/');
            return !reader.isAvailable(path + ".java") && !reader.isAvailable(path + ".class");
        }

        private boolean findsClass(String className) {
            String resource = ClassUtils.convertClassToResourcePath(className);
            if (rubric != null && rubric.getBytecode(resource) != null) {
                return true;
            }
            if (rubric != null) {
                try {
                    return parentClassFile(className, resource) != ABSENT;
                } catch (IllegalStateException notAClassFile) {
                    // a file of that name all the same, as Drools' compiler sees it
                    return true;
                }
            }
            try (InputStream in = openClassFile(className, resource)) {
                return in != null;
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the class file of " + className, e);
            }
        }

        @Override
        public void cleanup() {
        }
    }

    /** A generated source Drools asked to compile and did not write: as Drools' compiler reports it. */
    private record MissingSource(String file) implements CompilationProblem {
        @Override
        public boolean isError() {
            return true;
        }

        @Override
        public String getFileName() {
            return file;
        }

        @Override
        public int getStartLine() {
            return 0;
        }

        @Override
        public int getStartColumn() {
            return 0;
        }

        @Override
        public int getEndLine() {
            return 0;
        }

        @Override
        public int getEndColumn() {
            return 0;
        }

        @Override
        public String getMessage() {
            return "Source " + file + " could not be found";
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
