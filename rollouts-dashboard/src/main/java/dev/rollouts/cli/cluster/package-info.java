/**
 * Reading a Rollout and the objects around it from a cluster, and changing it exactly as Argo's
 * {@code kubectl argo rollouts} plug-in does: JSON patches of the Rollout and of its status
 * subresource, guarded by the {@code resourceVersion} that was read, retried on a conflict.
 */
package dev.rollouts.cli.cluster;
