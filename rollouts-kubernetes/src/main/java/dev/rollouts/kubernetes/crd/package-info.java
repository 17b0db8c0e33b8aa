/**
 * The {@code argoproj.io/v1alpha1} custom resources as fabric8 model classes.
 *
 * <p>These classes keep what the API server sent, every field of it, so that an object read,
 * changed in one place and written back loses nothing this library does not model. Interpreting the
 * fields is the job of {@code dev.rollouts.kubernetes.mapping}.
 */
package dev.rollouts.kubernetes.crd;
