package dev.rollouts.analysis.provider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric providers a controller can use, by {@link MetricProvider#type()}: those on the class
 * path ({@link #load()}) plus any registered by hand ({@link #with}, e.g. the Job provider, which
 * needs a Kubernetes client). Immutable.
 */
public final class MetricProviders {

  /** Every provider type Argo Rollouts has ({@code MetricProvider} in its analysis types). */
  public static final Set<String> ARGO_TYPES =
      Set.of(
          "prometheus",
          "kayenta",
          "web",
          "datadog",
          "wavefront",
          "newRelic",
          "job",
          "cloudWatch",
          "graphite",
          "influxdb",
          "skywalking",
          "plugin");

  private final Map<String, MetricProvider> byType;

  private MetricProviders(Map<String, MetricProvider> byType) {
    this.byType = Map.copyOf(byType);
  }

  /** The providers found with {@link ServiceLoader} on this class's class loader. */
  public static MetricProviders load() {
    return load(MetricProviders.class.getClassLoader());
  }

  /** The providers found with {@link ServiceLoader} on {@code loader}. */
  public static MetricProviders load(ClassLoader loader) {
    Map<String, MetricProvider> found = new LinkedHashMap<>();
    ServiceLoader.load(MetricProvider.class, loader).forEach(p -> found.putIfAbsent(p.type(), p));
    return new MetricProviders(found);
  }

  /** Exactly these providers. */
  public static MetricProviders of(MetricProvider... providers) {
    Map<String, MetricProvider> map = new LinkedHashMap<>();
    for (MetricProvider p : providers) {
      map.put(p.type(), p);
    }
    return new MetricProviders(map);
  }

  /** These providers and {@code provider}, which replaces one of the same type. */
  public MetricProviders with(MetricProvider provider) {
    Map<String, MetricProvider> map = new LinkedHashMap<>(byType);
    map.put(provider.type(), provider);
    return new MetricProviders(map);
  }

  /** The provider of that type, if there is one. */
  public Optional<MetricProvider> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** The types available, sorted. */
  public Set<String> types() {
    return new TreeSet<>(byType.keySet());
  }

  /**
   * Why a metric naming {@code type} cannot be measured here: an Argo provider this library has no
   * plug-in for ({@code datadog}), or a type Argo does not know either.
   */
  public String unsupported(String type) {
    String available = types().isEmpty() ? "none" : String.join(", ", types());
    String what =
        type.startsWith("plugin/")
            ? "metric provider plugin \"" + type.substring(7) + "\" is not supported"
            : ARGO_TYPES.contains(type)
                ? "metric provider \"" + type + "\" is not supported"
                : "unknown metric provider \"" + type + "\"";
    return what + ": no MetricProvider of that type is installed (installed: " + available + ")";
  }
}
