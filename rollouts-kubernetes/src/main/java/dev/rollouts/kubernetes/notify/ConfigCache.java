package dev.rollouts.kubernetes.notify;

import dev.rollouts.notifications.ConfigSource;
import dev.rollouts.notifications.NotificationConfig;
import dev.rollouts.notifications.NotificationConfigException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification ConfigMaps and Secrets, watched with informers (the controller namespace's, and
 * every namespace's with self-service) and parsed once per version, so a change takes effect
 * without a restart. A missing ConfigMap or Secret is empty; one that does not parse is logged
 * (once per version) and treated as absent.
 */
final class ConfigCache implements ConfigSource, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigCache.class);

  private record Parsed(String version, Optional<NotificationConfig> config) {}

  private final String controllerNamespace;
  private final boolean selfService;
  private final SharedIndexInformer<ConfigMap> configMaps;
  private final SharedIndexInformer<Secret> secrets;
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  ConfigCache(KubernetesClient client, String controllerNamespace, boolean selfService) {
    this.controllerNamespace = controllerNamespace;
    this.selfService = selfService;
    this.configMaps =
        selfService
            ? client.configMaps().inAnyNamespace().runnableInformer(0)
            : client.configMaps().inNamespace(controllerNamespace).runnableInformer(0);
    this.secrets =
        selfService
            ? client.secrets().inAnyNamespace().runnableInformer(0)
            : client.secrets().inNamespace(controllerNamespace).runnableInformer(0);
  }

  void start(Duration timeout) throws Exception {
    configMaps.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    secrets.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public List<Scoped> configsFor(String namespace) {
    List<Scoped> out = new ArrayList<>();
    if (selfService && !namespace.equals(controllerNamespace)) {
      config(namespace).ifPresent(c -> out.add(new Scoped(namespace, c, true)));
    }
    config(controllerNamespace).ifPresent(c -> out.add(new Scoped(controllerNamespace, c, false)));
    return out;
  }

  private Optional<NotificationConfig> config(String namespace) {
    ConfigMap configMap =
        configMaps.getStore().getByKey(namespace + "/" + NotificationConfig.CONFIG_MAP);
    Secret secret = secrets.getStore().getByKey(namespace + "/" + NotificationConfig.SECRET);
    if (configMap == null && secret == null) {
      return Optional.empty();
    }
    String version = version(configMap) + "/" + version(secret);
    Parsed cached = parsed.get(namespace);
    if (cached != null && cached.version().equals(version)) {
      return cached.config();
    }
    Optional<NotificationConfig> config;
    try {
      config =
          Optional.of(
              NotificationConfig.parse(
                  configMap == null || configMap.getData() == null ? Map.of() : configMap.getData(),
                  secretData(secret)));
    } catch (NotificationConfigException e) {
      LOG.error(
          "notification configuration in namespace {} is not usable: {}",
          namespace,
          e.getMessage());
      config = Optional.empty();
    }
    parsed.put(namespace, new Parsed(version, config));
    return config;
  }

  private static String version(io.fabric8.kubernetes.api.model.HasMetadata object) {
    return object == null ? "-" : object.getMetadata().getResourceVersion();
  }

  static Map<String, byte[]> secretData(Secret secret) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (secret == null) {
      return out;
    }
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach((k, v) -> out.put(k, Base64.getDecoder().decode(v == null ? "" : v)));
    }
    if (secret.getStringData() != null) {
      secret
          .getStringData()
          .forEach((k, v) -> out.put(k, (v == null ? "" : v).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  @Override
  public void close() {
    configMaps.stop();
    secrets.stop();
  }
}
