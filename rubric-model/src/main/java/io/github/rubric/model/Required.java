package io.github.rubric.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that a facts file must give although its type has a default: a {@code boolean}
 * such as {@code verified} or {@code complete}, whose absence would otherwise read as {@code false} and
 * change a score without anyone having said so. Readers of facts files enforce it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Required {
}
