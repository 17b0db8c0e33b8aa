/**
 * Cluster objects to the core's types and back: a Rollout and the objects around it ({@link
 * dev.rollouts.kubernetes.mapping.ClusterState}) become the core's {@code Rollout} and {@code
 * Observed}; the core's {@code RolloutStatus} becomes the status Argo Rollouts writes.
 *
 * <p>Two kinds of bad input are told apart. A value of the wrong type or shape ({@code setWeight:
 * "abc"}, a step with two kinds) cannot be read into the core's types and raises {@link
 * dev.rollouts.kubernetes.mapping.ManifestException}, naming the object and the field. A value that
 * reads but is invalid ({@code setWeight: -5}, both strategies at once) passes through: the engine
 * reports it as the {@code InvalidSpec} condition, as Argo Rollouts does.
 */
@RolloutsStyle
package dev.rollouts.kubernetes.mapping;

import dev.rollouts.core.RolloutsStyle;
