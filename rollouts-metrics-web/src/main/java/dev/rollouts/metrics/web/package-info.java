/**
 * Argo's {@code web} metric provider: {@link dev.rollouts.metrics.web.WebProvider}, found by {@link
 * java.util.ServiceLoader}.
 */
package dev.rollouts.metrics.web;
