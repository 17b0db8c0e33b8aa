/**
 * Test support for Rollouts for Java: the contract test every traffic router's tests extend ({@link
 * dev.rollouts.testkit.TrafficRouterContract}).
 */
@RolloutsStyle
package dev.rollouts.testkit;

import dev.rollouts.core.RolloutsStyle;
