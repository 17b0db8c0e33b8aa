/**
 * The {@code argoproj.io/v1alpha1} Rollout as the engine sees it: immutable mirrors of the CRD's
 * spec fields, named as Argo names them.
 *
 * <p>Fields the user may leave out are {@link java.util.Optional}; each type states the default
 * that Argo Rollouts applies, and offers an {@code effective*} accessor that applies it. The pod
 * template is opaque: the engine sees only its hash and labels.
 */
@RolloutsStyle
package dev.rollouts.core.spec;

import dev.rollouts.core.RolloutsStyle;
