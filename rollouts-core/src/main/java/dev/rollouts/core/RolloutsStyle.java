package dev.rollouts.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of this project.
 *
 * <p>Every value type is an abstract type (usually an interface) that declares a nested {@code
 * Builder extends Immutable<Type>.Builder}; the generated {@code Immutable*} class is package
 * private, so its name never appears in a public signature. Callers write {@code
 * Type.builder()...build()} and {@code Type.builder().from(value)} to copy with changes.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    depluralize = true,
    jdkOnly = false,
    allParameters = false,
    defaults = @Value.Immutable(copy = false))
public @interface RolloutsStyle {}
