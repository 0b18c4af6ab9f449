package io.github.rubric.rules;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's class path as Drools sees it while compiling a rubric, remembering the names it does not have.
 *
 * <p>Compiling a rubric asks the class path for many classes that do not exist: Drools resolves every simple name
 * in the rules ({@code Meeting}, {@code $period}, {@code date}…) by trying it in each imported package
 * ({@code java.lang.Meeting}, {@code io.github.rubric.model.fact.Meeting}…), and the Java compiler asks, for every
 * name in a consequence, whether it is a class or a package. Each miss searches every jar of the class path: a
 * fifth of a warm compile. The answers are the same for every rubric, so the misses are remembered here, once
 * for all rubrics, and answered at once the next time.
 *
 * <p>Only the JVM's own application and platform class loaders are fronted: their class path is fixed when the
 * JVM starts, so a name they do not have now they will never have. Any other class loader (an application
 * server's, a plugin system's) may gain classes later, and is used as it is, without this cache.
 * Nothing is defined here: the rubric's own classes (declared records, consequences) live in the class loader
 * Drools makes for each rubric, whose parent this is.
 */
final class ClassPathCache extends ClassLoader {
    /** More distinct missing names than this are not remembered (they stay correct, only uncached). */
    static final int MAX_NAMES = 100_000;

    private static final ClassPathCache APPLICATION = new ClassPathCache(ClassLoader.getSystemClassLoader());
    private static final ClassPathCache PLATFORM = new ClassPathCache(ClassLoader.getPlatformClassLoader());

    private final Set<String> missingClasses = ConcurrentHashMap.newKeySet();
    private final Set<String> missingResources = ConcurrentHashMap.newKeySet();

    ClassPathCache(ClassLoader classPath) {
        super("rubric-class-path-cache", classPath);
    }

    /**
     * @param loader the class loader a rubric's classes would otherwise have as parent
     * @return the cache in front of it when it is the JVM's application or platform class loader, else
     *     {@code loader} itself
     */
    static ClassLoader before(ClassLoader loader) {
        if (loader == APPLICATION.getParent()) {
            return APPLICATION;
        }
        if (loader == PLATFORM.getParent()) {
            return PLATFORM;
        }
        return loader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missingClasses.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return getParent().loadClass(name);
        } catch (ClassNotFoundException e) {
            remember(missingClasses, name);
            throw e;
        }
    }

    @Override
    public URL getResource(String name) {
        if (missingResources.contains(name)) {
            return null;
        }
        URL found = getParent().getResource(name);
        if (found == null) {
            remember(missingResources, name);
        }
        return found;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return getParent().getResources(name);
    }

    /** @return how many missing class and resource names are remembered (for tests) */
    int remembered() {
        return missingClasses.size() + missingResources.size();
    }

    private static void remember(Set<String> missing, String name) {
        if (missing.size() < MAX_NAMES) {
            missing.add(name);
        }
    }
}
