/**
 * Argo's basic canary: with no traffic router, the canary's share of pods approximates the step's
 * weight. Registered as the {@code replicaset} traffic plug-in.
 */
package dev.rollouts.traffic.replicaset;
