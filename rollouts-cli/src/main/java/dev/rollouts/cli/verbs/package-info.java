/**
 * The verbs of Argo's {@code kubectl argo rollouts} plug-in against a cluster, one class per
 * command: {@code controller}, {@code get rollout}, {@code list rollouts}, {@code promote}, {@code
 * abort}, {@code retry rollout}, {@code undo}, {@code pause}, {@code resume}, {@code restart},
 * {@code set image}, {@code status} and {@code version}.
 */
package dev.rollouts.cli.verbs;
