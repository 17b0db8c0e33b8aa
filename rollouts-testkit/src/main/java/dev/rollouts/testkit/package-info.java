/**
 * Test support for users of the engine and for plug-in authors: a simulated cluster that applies
 * Decisions, concise Rollout fixtures, and the contract test every traffic router's tests extend.
 */
package dev.rollouts.testkit;
