package dev.rollouts.examples.operatorsdk;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The host operator's own controller, standing in for whatever it already does: it answers every
 * ConfigMap labelled {@code shop/greeting=yes} with {@code data.reply: "hello, <name>"}.
 */
@ControllerConfiguration(
    name = "greetings",
    informer = @Informer(labelSelector = "shop/greeting=yes"))
public final class GreetingReconciler implements Reconciler<ConfigMap> {

  @Override
  public UpdateControl<ConfigMap> reconcile(ConfigMap map, Context<ConfigMap> context) {
    String reply = "hello, " + map.getMetadata().getName();
    Map<String, String> data = Objects.requireNonNullElse(map.getData(), Map.of());
    if (reply.equals(data.get("reply"))) {
      return UpdateControl.noUpdate();
    }
    context
        .getClient()
        .configMaps()
        .inNamespace(map.getMetadata().getNamespace())
        .withName(map.getMetadata().getName())
        .edit(
            current -> {
              Map<String, String> updated =
                  new LinkedHashMap<>(Objects.requireNonNullElse(current.getData(), Map.of()));
              updated.put("reply", reply);
              current.setData(updated);
              return current;
            });
    return UpdateControl.noUpdate();
  }
}
