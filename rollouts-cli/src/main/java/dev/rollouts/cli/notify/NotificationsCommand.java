package dev.rollouts.cli.notify;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;
import dev.rollouts.notifications.NotificationConfig;
import dev.rollouts.notifications.NotificationConfigException;
import dev.rollouts.notifications.Planner;
import dev.rollouts.notifications.ServiceConfig;
import dev.rollouts.notifications.TemplateVariables;
import dev.rollouts.notifications.TriggerCondition;
import dev.rollouts.notifications.service.NotificationServices;
import dev.rollouts.notifications.service.SendException;
import dev.rollouts.notifications.template.TemplateException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rollouts notifications}: Argo's {@code kubectl argo rollouts notifications} — list and try
 * out templates and triggers of the notification ConfigMap.
 */
@Command(
    name = "notifications",
    mixinStandardHelpOptions = true,
    description = "Show and try out notification templates and triggers.",
    subcommands = {NotificationsCommand.Template.class, NotificationsCommand.Trigger.class})
public final class NotificationsCommand {

  /** {@code notifications template}. */
  @Command(
      name = "template",
      mixinStandardHelpOptions = true,
      description = "Notification templates.",
      subcommands = {TemplateGet.class, TemplateNotify.class})
  static final class Template {}

  /** {@code notifications trigger}. */
  @Command(
      name = "trigger",
      mixinStandardHelpOptions = true,
      description = "Notification triggers.",
      subcommands = {TriggerGet.class, TriggerRun.class})
  static final class Trigger {}

  /** {@code template get [NAME]}: NAME and PREVIEW (the message). */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "List templates (NAME PREVIEW).")
  static final class TemplateGet extends ClusterCommand {
    @Mixin NotificationSource source;

    @Parameters(arity = "0..1", paramLabel = "NAME")
    String name;

    @Override
    protected int run(KubernetesClient client, String namespace) {
      NotificationConfig config = source.config(client, namespace);
      List<String> names = name == null ? config.templateNames() : List.of(name);
      Table table = new Table("NAME", "PREVIEW");
      for (String n : names) {
        Map<String, Object> template =
            config.templateSource(n).orElseThrow(() -> NotificationSource.unknown("template", n));
        Object message = template.getOrDefault("message", "");
        table.row(n, String.valueOf(message).strip().lines().findFirst().orElse(""));
      }
      table.print(out());
      return 0;
    }
  }

  /** {@code template notify NAME ROLLOUT}: renders, and sends or prints. */
  @Command(
      name = "notify",
      mixinStandardHelpOptions = true,
      description = {
        "Render a template for a Rollout and send it.",
        "Without --recipient it is printed as YAML (console:stdout); --dry-run prints what would"
            + " be sent to each recipient without sending."
      })
  static final class TemplateNotify extends ClusterCommand {
    @Mixin NotificationSource source;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "ROLLOUT")
    String rollout;

    @Option(
        names = "--recipient",
        paramLabel = "SERVICE:RECIPIENT",
        description = "Where to send (repeatable; default console:stdout).")
    List<String> recipients = List.of("console:stdout");

    @Option(names = "--dry-run", description = "Print what would be sent instead of sending.")
    boolean dryRun;

    @Override
    protected int run(KubernetesClient client, String namespace) throws Exception {
      NotificationConfig config = source.config(client, namespace);
      Map<String, Object> object = source.rollout(client, namespace, rollout);
      for (String r : recipients) {
        Destination destination = Destination.parse(r);
        Notification n = render(config, object, destination);
        if (destination.service().equals("console") || dryRun) {
          out().print(NotificationYaml.of(n, dryRun ? Optional.of(destination) : Optional.empty()));
          continue;
        }
        ServiceConfig service = config.services().get(destination.service());
        if (service == null) {
          throw new dev.rollouts.cli.CommandFailure(
              "notification service '" + destination.service() + "' is not supported");
        }
        try {
          NotificationServices.create(service, NotificationServices.DEFAULT_TIMEOUT, Instant::now)
              .send(n, destination);
        } catch (SendException e) {
          throw new dev.rollouts.cli.CommandFailure(
              "sending to " + destination + " failed: " + e.getMessage());
        }
        out().println("sent " + name + " to " + destination);
      }
      out().flush();
      return 0;
    }

    private Notification render(
        NotificationConfig config, Map<String, Object> object, Destination d) {
      try {
        return config.render(
            List.of(name),
            TemplateVariables.of(object, Optional.empty(), config.secrets(), Instant::now, d));
      } catch (NotificationConfigException | TemplateException e) {
        throw new dev.rollouts.cli.CommandFailure(e.getMessage());
      }
    }
  }

  /** {@code trigger get [NAME]}: NAME TEMPLATE CONDITION. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "List triggers (NAME TEMPLATE CONDITION).")
  static final class TriggerGet extends ClusterCommand {
    @Mixin NotificationSource source;

    @Parameters(arity = "0..1", paramLabel = "NAME")
    String name;

    @Override
    protected int run(KubernetesClient client, String namespace) {
      NotificationConfig config = source.config(client, namespace);
      List<String> names =
          name == null ? config.triggers().keySet().stream().sorted().toList() : List.of(name);
      Table table = new Table("NAME", "TEMPLATE", "CONDITION");
      for (String n : names) {
        List<TriggerCondition> conditions = config.triggers().get(n);
        if (conditions == null) {
          throw NotificationSource.unknown("trigger", n);
        }
        for (TriggerCondition c : conditions) {
          table.row(n, String.join(", ", c.send()), c.when().orElse(""));
        }
      }
      table.print(out());
      return 0;
    }
  }

  /** {@code trigger run NAME ROLLOUT}: each condition and whether it holds. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Evaluate a trigger's conditions for a Rollout (CONDITION RESULT).")
  static final class TriggerRun extends ClusterCommand {
    @Mixin NotificationSource source;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "ROLLOUT")
    String rollout;

    @Override
    protected int run(KubernetesClient client, String namespace) {
      NotificationConfig config = source.config(client, namespace);
      List<TriggerCondition> conditions = config.triggers().get(name);
      if (conditions == null) {
        throw NotificationSource.unknown("trigger", name);
      }
      Map<String, Object> object = source.rollout(client, namespace, rollout);
      Table table = new Table("CONDITION", "RESULT");
      for (TriggerCondition c : conditions) {
        table.row(c.when().orElse(""), Boolean.toString(Planner.conditionHolds(config, c, object)));
      }
      table.print(out());
      return 0;
    }
  }
}
