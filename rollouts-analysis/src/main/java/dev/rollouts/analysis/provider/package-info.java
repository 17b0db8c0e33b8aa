/**
 * The metric provider SPI: {@link dev.rollouts.analysis.provider.MetricProvider} plug-ins, found
 * with {@link java.util.ServiceLoader} or registered by hand in {@link
 * dev.rollouts.analysis.provider.MetricProviders}, take measurements without blocking; {@link
 * dev.rollouts.analysis.provider.MeasurementRunner} runs the tasks the engine asks for on them,
 * with timeouts, secrets read at measurement time and masked in every message.
 */
@RolloutsStyle
package dev.rollouts.analysis.provider;

import dev.rollouts.core.RolloutsStyle;
