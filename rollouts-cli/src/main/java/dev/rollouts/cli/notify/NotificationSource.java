package dev.rollouts.cli.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rollouts.cli.CommandFailure;
import dev.rollouts.cli.cluster.RolloutReader;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.notifications.NotificationConfig;
import dev.rollouts.notifications.NotificationConfigException;
import dev.rollouts.notifications.template.Json;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the notification commands read the configuration and the Rollout from: the cluster by
 * default (the ConfigMap and Secret in the namespace), or files, as Argo's plugin takes them.
 */
final class NotificationSource {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--config-map",
      paramLabel = "FILE",
      description = "The argo-rollouts-notification-configmap manifest (default: the cluster's).")
  Path configMap;

  @Option(
      names = "--secret",
      paramLabel = "FILE",
      description =
          "The argo-rollouts-notification-secret manifest, or :empty for none (default: a Secret in"
              + " the --config-map file, else the cluster's).")
  String secret;

  @Option(
      names = {"-f", "--rollout-file"},
      paramLabel = "FILE",
      description = "Read the Rollout from this manifest instead of the cluster.")
  Path rolloutFile;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  NotificationConfig config(KubernetesClient client, String namespace) {
    Map<String, String> data;
    Map<String, byte[]> secretData = null;
    if (configMap != null) {
      List<Map<String, Object>> docs = documents(configMap);
      data = new LinkedHashMap<>();
      for (Map<String, Object> doc : docs) {
        if ("ConfigMap".equals(doc.get("kind"))) {
          data.putAll(strings(doc.get("data")));
        } else if ("Secret".equals(doc.get("kind")) && secret == null) {
          secretData = secretOf(doc);
        }
      }
    } else {
      ConfigMap cm =
          client.configMaps().inNamespace(namespace).withName(NotificationConfig.CONFIG_MAP).get();
      data = cm == null || cm.getData() == null ? Map.of() : cm.getData();
    }
    if (":empty".equals(secret)) {
      secretData = Map.of();
    } else if (secret != null) {
      secretData = Map.of();
      for (Map<String, Object> doc : documents(Path.of(secret))) {
        if ("Secret".equals(doc.get("kind"))) {
          secretData = secretOf(doc);
        }
      }
    } else if (secretData == null && configMap == null) {
      Secret s = client.secrets().inNamespace(namespace).withName(NotificationConfig.SECRET).get();
      secretData = s == null ? Map.of() : decode(s);
    } else if (secretData == null) {
      secretData = Map.of();
    }
    try {
      return NotificationConfig.parse(data, secretData);
    } catch (NotificationConfigException e) {
      throw new ParameterException(
          spec.commandLine(), "notification configuration: " + e.getMessage());
    }
  }

  /** The Rollout as a JSON map, from the file or the cluster. */
  @SuppressWarnings("unchecked")
  Map<String, Object> rollout(KubernetesClient client, String namespace, String name) {
    if (rolloutFile != null) {
      for (Map<String, Object> doc : documents(rolloutFile)) {
        if ("Rollout".equals(doc.get("kind"))
            && doc.get("metadata") instanceof Map<?, ?> m
            && name.equals(m.get("name"))) {
          return (Map<String, Object>) Json.read(Json.write(doc));
        }
      }
      throw new ParameterException(
          spec.commandLine(), "no Rollout \"" + name + "\" in " + rolloutFile);
    }
    RolloutResource rollout = new RolloutReader(client, namespace).get(name);
    return (Map<String, Object>) Json.read(client.getKubernetesSerialization().asJson(rollout));
  }

  private List<Map<String, Object>> documents(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<Object> docs =
          YAML.readerFor(Object.class).readValues(text).readAll().stream()
              .map(o -> (Object) o)
              .toList();
      List<Map<String, Object>> out = new java.util.ArrayList<>();
      for (Object doc : docs) {
        if (doc instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, Object> map = (Map<String, Object>) m;
          out.add(map);
        }
      }
      return out;
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    }
    return out;
  }

  private static Map<String, byte[]> secretOf(Map<String, Object> doc) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    strings(doc.get("data")).forEach((k, v) -> out.put(k, Base64.getDecoder().decode(v)));
    strings(doc.get("stringData"))
        .forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  private static Map<String, byte[]> decode(Secret s) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (s.getData() != null) {
      s.getData().forEach((k, v) -> out.put(k, Base64.getDecoder().decode(v)));
    }
    return out;
  }

  static CommandFailure unknown(String what, String name) {
    return new CommandFailure(what + " '" + name + "' is not configured");
  }
}
