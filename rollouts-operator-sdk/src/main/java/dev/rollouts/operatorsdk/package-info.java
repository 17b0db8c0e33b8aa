/**
 * The Rollouts reconciler for java-operator-sdk: {@link
 * dev.rollouts.operatorsdk.RolloutReconciler}, registered into a host's own {@code Operator} beside
 * its other controllers.
 */
package dev.rollouts.operatorsdk;
