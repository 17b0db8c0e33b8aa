/**
 * The traffic SPI: how a canary weight becomes real.
 *
 * <p>A plug-in is a {@link dev.rollouts.core.traffic.TrafficPlugin}, found with {@link
 * java.util.ServiceLoader} and selected by {@link dev.rollouts.core.traffic.TrafficPlugin#name()}.
 * There are two kinds, a closed family:
 *
 * <ul>
 *   <li>{@link dev.rollouts.core.traffic.ReplicaWeighting}: no traffic router; the canary's share
 *       of pods approximates the weight (Argo's basic canary). Used when a Rollout names no router.
 *   <li>{@link dev.rollouts.core.traffic.TrafficRouter}: routing objects (an Ingress, a route)
 *       carry the weight; the engine scales the canary for the weight and asks the router for the
 *       objects. Selected by the key under {@code trafficRouting} ({@code nginx}).
 * </ul>
 *
 * <p>Both are pure: a value in, a value out, no I/O, no clock. Kubernetes types stay out of this
 * package; routing objects are {@link dev.rollouts.core.traffic.Manifest}s.
 */
@RolloutsStyle
package dev.rollouts.core.traffic;

import dev.rollouts.core.RolloutsStyle;
