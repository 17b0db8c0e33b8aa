package dev.rollouts.kubernetes.sim;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension giving each test its own fresh {@link SimulatedKubernetes}, started when the
 * test (or its {@code @BeforeEach}) first asks for it and stopped after the test; a {@code
 * static @BeforeAll} method that asks gets one shared by the whole class instead. Methods receive
 * the cluster, or its admin {@link KubernetesClient}, as parameters.
 *
 * <pre>{@code
 * @ExtendWith(SimulatedKubernetesExtension.class)
 * class CheckoutRolloutTest {
 *   @Test
 *   void canaryReachesHealthy(SimulatedKubernetes cluster, KubernetesClient client) { … }
 * }
 *
 * // or, to configure the cluster:
 * @RegisterExtension
 * static final SimulatedKubernetesExtension CLUSTER =
 *     SimulatedKubernetesExtension.with(b -> b.podStartDelay(Duration.ofMillis(100)));
 * }</pre>
 */
public final class SimulatedKubernetesExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulatedKubernetesExtension.class);

  private final UnaryOperator<SimulatedKubernetes.Builder> settings;

  /** The extension with the cluster's defaults (what {@code @ExtendWith} uses). */
  public SimulatedKubernetesExtension() {
    this(b -> b);
  }

  private SimulatedKubernetesExtension(UnaryOperator<SimulatedKubernetes.Builder> settings) {
    this.settings = settings;
  }

  /** The extension with a cluster configured by {@code settings}. */
  public static SimulatedKubernetesExtension with(
      UnaryOperator<SimulatedKubernetes.Builder> settings) {
    return new SimulatedKubernetesExtension(settings);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SimulatedKubernetes.class || type == KubernetesClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SimulatedKubernetes cluster = cluster(context);
    return parameter.getParameter().getType() == KubernetesClient.class
        ? cluster.client()
        : cluster;
  }

  /** The cluster of {@code context} (a test's, or a class's), started on first use. */
  public SimulatedKubernetes cluster(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Running.class,
            k -> new Running(settings.apply(SimulatedKubernetes.builder()).start()),
            Running.class)
        .cluster;
  }

  /** Closes the cluster with the class's extension context. */
  private record Running(SimulatedKubernetes cluster)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      cluster.close();
    }
  }
}
