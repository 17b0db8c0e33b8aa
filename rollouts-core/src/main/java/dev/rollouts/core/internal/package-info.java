/**
 * The engine's implementation. Not API: types here may change in any release; depend on {@code
 * dev.rollouts.core} and its {@code spec}, {@code status}, {@code observe}, {@code decision} and
 * {@code traffic} packages instead.
 */
package dev.rollouts.core.internal;
