package dev.rollouts.analysis.provider;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A provider registered with ServiceLoader in the tests: answers its config's {@code value}. */
public final class ConstantProvider implements MetricProvider {

  @Override
  public String type() {
    return "test-constant";
  }

  @Override
  public CompletionStage<ProviderResult> run(MeasurementRequest request) {
    Object value = request.metric().providerConfig().get("value");
    return CompletableFuture.completedFuture(ProviderResult.Value.of(value, String.valueOf(value)));
  }
}
