/**
 * What one decision asks of the cluster, as desired state: which ReplicaSet to create, the replicas
 * and annotations each existing one should have, Service selectors, routing objects, the new
 * status, events, and when to look again.
 */
@RolloutsStyle
package dev.rollouts.core.decision;

import dev.rollouts.core.RolloutsStyle;
