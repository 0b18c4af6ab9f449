package io.github.rubric.rules;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The application's class path as a rubric's compilation sees it, remembering the names it does not have.
 *
 * <p>Compiling rules asks the class path for thousands of classes that do not exist, most of them several
 * times: MVEL, which Drools uses to analyse constraints and to generate the Java of consequences, tries every
 * identifier of an expression as a class name ({@code declr}, {@code declr.identifier}, {@code java.lang.date}…)
 * through the thread's context class loader, and each miss searches every jar of the class path and builds a
 * {@link ClassNotFoundException} with a full stack trace. A cold {@code rubric score} of the 动力厂 rubric made
 * 9,280 of them for 2,284 names. During a compilation the context class loader is this cache in front of the
 * JVM's class loader: a name it lacked once is answered at once, with an exception without a stack trace.
 *
 * <p>Only the JVM's own application class loader is fronted: its class path is fixed when the JVM starts, so a
 * name it does not have now it will never have. Any other context class loader (an application server's, a
 * plugin system's) may gain classes later and is left as it is. Nothing is defined here.
 */
final class ClassPathCache extends ClassLoader {
    /** More distinct missing names than this are not remembered (they stay correct, only uncached). */
    static final int MAX_NAMES = 100_000;

    private static final ClassPathCache APPLICATION = new ClassPathCache(ClassLoader.getSystemClassLoader());

    private final Set<String> missingClasses = ConcurrentHashMap.newKeySet();
    private final Set<String> missingResources = ConcurrentHashMap.newKeySet();

    ClassPathCache(ClassLoader classPath) {
        super("rubric-class-path-cache", classPath);
    }

    /**
     * Runs a compilation with this cache as the thread's context class loader, when that is the JVM's
     * application class loader, and puts the context class loader back.
     *
     * @param compilation what to run
     * @return what it returned
     */
    static <T> T during(Supplier<T> compilation) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        if (context != APPLICATION.getParent()) {
            return compilation.get();
        }
        thread.setContextClassLoader(APPLICATION);
        try {
            return compilation.get();
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missingClasses.contains(name)) {
            throw new Missing(name);
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

    /**
     * A class known to be missing: thrown without a stack trace, as often as the name is tried (here and by
     * {@link RubricClassLoader}).
     */
    static final class Missing extends ClassNotFoundException {
        private static final long serialVersionUID = 1L;

        Missing(String name) {
            super(name);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
