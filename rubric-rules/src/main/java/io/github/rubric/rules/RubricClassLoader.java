package io.github.rubric.rules;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.util.ClassUtils;
import org.drools.wiring.dynamic.DynamicProjectClassLoader;
import org.kie.internal.utils.ChainedProperties;

/**
 * The class loader of one rubric: Drools' own project class loader, which defines the types the rubric declares
 * and the classes compiled for its rules, in front of a negative cache of names the application's class path
 * does not have, shared by every rubric with the same parent class loader.
 *
 * <p>Compiling rules, Drools resolves every name it meets against every import, so it asks its class loader for
 * hundreds of classes that do not exist ({@code io.github.rubric.model.fact.date}, {@code java.lang.$period}…),
 * each time searching the whole class path twice. Its loader remembers each failed name in a set of its own, and
 * its types class loader, which is parallel-capable, keeps a lock object for each name it was ever asked for:
 * together about half a megabyte per compiled rubric, kept as long as the rubric. Here a name the parent class
 * loader could not load is remembered once for all rubrics, and the next time it is asked for, the answer is
 * given before it reaches Drools' loader, unless this rubric has defined or stored a class of that name itself.
 *
 * <p>That assumes the parent class loader does not gain classes while rubrics are compiled under it, as Drools
 * itself assumes for each rubric: true of the JVM's application class loader and of the usual application
 * launchers. An application that adds jars to a class loader at run time should compile the rubrics that need
 * them with a new context class loader. The cache is bounded ({@link #MAX_MISSING} names per parent); past that,
 * names are looked up as Drools does.
 */
final class RubricClassLoader extends DynamicProjectClassLoader {
    /** Names remembered per parent class loader at most; a rubric asks for about two thousand. */
    static final int MAX_MISSING = 200_000;
    /** Class files of the parent's class path kept decoded for the Java compiler at most (see {@link EcjCompiler}). */
    static final int MAX_CLASS_FILES = 20_000;
    private static final Map<ClassLoader, Shared> SHARED = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * What all rubrics with the same parent class loader share: the names it lacks, Drools' default properties, and
     * the class files the Java compiler read through it.
     */
    private record Shared(Set<String> missing, ChainedProperties defaults, Map<String, Object> classFiles) {
    }

    private final Set<String> missing;
    private final ChainedProperties defaults;
    private final Map<String, Object> classFiles;

    private RubricClassLoader(ClassLoader parent) {
        super(parent, null);
        Shared shared = SHARED.computeIfAbsent(parent,
                p -> new Shared(ConcurrentHashMap.newKeySet(), ChainedProperties.getChainedProperties(p),
                        new ConcurrentHashMap<>()));
        this.missing = shared.missing();
        this.defaults = shared.defaults();
        this.classFiles = shared.classFiles();
    }

    /**
     * Drools' configuration properties as it would read them through this loader (its parent's
     * {@code META-INF/kie.*.properties.conf}; a rubric adds none): a copy whose lists are the rubric's own but whose
     * {@link java.util.Properties}, which nothing changes, are read once for all rubrics (about 11 KB each).
     *
     * @return the properties for the rubric's knowledge base configuration
     */
    ChainedProperties defaultProperties() {
        return defaults.clone();
    }

    /**
     * The class files of the parent's class path as {@link EcjCompiler} decoded them, by class name, and the names
     * it found the parent lacks, shared by every rubric with this loader's parent: what this loader reads for a name
     * it does not define itself depends only on the parent.
     */
    Map<String, Object> classFiles() {
        return classFiles;
    }

    /** Keeps what was read for a class name in {@link #classFiles()}, unless it holds {@link #MAX_CLASS_FILES}. */
    void remember(String className, Object read) {
        if (classFiles.size() < MAX_CLASS_FILES) {
            classFiles.putIfAbsent(className, read);
        }
    }

    /** @return a class loader for a new rubric, whose parent is the one Drools would choose */
    static RubricClassLoader create() {
        return new RubricClassLoader(ClassUtils.findParentClassLoader(RubricClassLoader.class));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name) && !own(name)) {
            throw new ClassPathCache.Missing(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            // neither the parent nor this rubric has it; the parent never will
            if (missing.size() < MAX_MISSING) {
                missing.add(name);
            }
            throw e;
        }
    }

    /**
     * Drools' loader defines nothing through this method: {@link ClassLoader#loadClass(String, boolean)} calls it
     * after the parent failed, and the default throws a {@link ClassNotFoundException} with the stack trace of the
     * compilation. The same, without the stack trace.
     */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassPathCache.Missing(name);
    }

    /** Whether this rubric has defined, or holds the bytecode of, a class of that name. */
    private boolean own(String name) {
        if (findLoadedClass(name) != null || getBytecode(ClassUtils.convertClassToResourcePath(name)) != null) {
            return true;
        }
        return getTypesClassLoader() != this && getTypesClassLoader() instanceof InternalTypesClassLoader types
                && types.findLoadedClassWithoutParent(name) != null;
    }

    /** @return how many names the rubrics with this loader's parent know to be missing */
    int missingNames() {
        return missing.size();
    }
}
