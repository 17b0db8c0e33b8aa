package dev.rollouts.notifications.template;

import java.util.Map;

/** A parsed template: immutable, thread-safe, rendered many times. */
public interface CompiledTemplate {

  /** The template's name, as it appears in error messages. */
  String name();

  /**
   * Renders the template with {@code data} as its dot ({@code .}) and root ({@code $}).
   *
   * @throws TemplateException on an execution error (a function failing, a field of a nil value,
   *     {@code len} of a missing value …), with Go's message
   */
  String render(Map<String, ?> data);
}
