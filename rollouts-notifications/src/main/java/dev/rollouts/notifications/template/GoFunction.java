package dev.rollouts.notifications.template;

import java.util.List;

/**
 * A function value in a template's data, called with Go's {@code call} built-in ({@code {{call
 * .time.Now}}}). It receives the evaluated arguments (Java values as {@link TemplateEngine}
 * describes them) and answers a value; an exception becomes the execution error {@code error
 * calling call: MESSAGE}.
 */
@FunctionalInterface
public interface GoFunction {

  /** Calls the function. */
  Object call(List<Object> arguments) throws Exception;
}
