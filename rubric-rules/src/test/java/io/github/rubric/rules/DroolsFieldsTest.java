package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.VarHandle;
import org.junit.jupiter.api.Test;

/**
 * Rubric's hooks into Drools' private fields fall back to Drools' own behaviour when a version of Drools holds the
 * field otherwise: missing, of another type, or final (a final field is found, but setting it would fail every use).
 */
class DroolsFieldsTest {
    @SuppressWarnings("unused")
    private static final class Holder {
        private CharSequence open = "before";
        private final CharSequence fixed = "fixed";
    }

    @Test
    void setsAPrivateField() {
        // GIVEN a private field that can be set
        VarHandle handle = DroolsFields.settable(Holder.class, "open", CharSequence.class, "the test falls back");
        Holder holder = new Holder();

        // WHEN it is set through the handle
        handle.set(holder, "after");

        // THEN the object holds the new value
        assertThat(handle.get(holder)).isEqualTo("after");
    }

    @Test
    void fallsBackForAFinalFieldAMissingOneOrOneOfAnotherType() {
        // GIVEN / WHEN / THEN no handle for a field that cannot be set, is not there, or is declared otherwise
        assertThat(DroolsFields.settable(Holder.class, "fixed", CharSequence.class, "the test falls back")).isNull();
        assertThat(DroolsFields.settable(Holder.class, "missing", CharSequence.class, "the test falls back")).isNull();
        assertThat(DroolsFields.settable(Holder.class, "open", String.class, "the test falls back")).isNull();
    }
}
