/**
 * What the engine observed of the cluster: the Rollout's ReplicaSets, the Services its strategy
 * names, and the routing objects its traffic router owns.
 */
@RolloutsStyle
package dev.rollouts.core.observe;

import dev.rollouts.core.RolloutsStyle;
