package io.github.rubric.rules;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rubric's hooks into private fields of Drools' classes ({@link EcjCompiler}, {@link SessionMemories}), each found
 * once. A version of Drools that holds the field otherwise, or makes it final, leaves Drools' own behaviour in place,
 * with a warning that says what falls back.
 */
final class DroolsFields {
    private static final Logger LOG = LoggerFactory.getLogger(DroolsFields.class);

    private DroolsFields() {
    }

    /**
     * @param owner the Drools class that declares the field
     * @param name the field's name
     * @param type the field's declared type
     * @param fallback what happens without the hook, for the warning ("rules will be compiled by …")
     * @return a handle that reads and sets the field, or null if there is no such field or it cannot be set
     */
    static VarHandle settable(Class<?> owner, String name, Class<?> type, String fallback) {
        String problem;
        try {
            VarHandle handle = MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
                    .findVarHandle(owner, name, type);
            if (handle.isAccessModeSupported(VarHandle.AccessMode.SET)) {
                return handle;
            }
            problem = "the field is final";
        } catch (ReflectiveOperationException | RuntimeException e) {
            problem = e.toString();
        }
        LOG.warn("{}: this version of Drools does not hold {}.{} as expected ({})", fallback, owner.getSimpleName(),
                name, problem);
        return null;
    }
}
