package dev.rollouts.notifications.template;

import java.util.List;

/** A Go value with methods, such as {@code time.Time}: {@code {{(call .time.Now).Unix}}}. */
interface MethodReceiver {

  /**
   * Calls {@code method} with evaluated arguments.
   *
   * @throws NoSuchMethodError when the type has no such method
   */
  Object invoke(String method, List<Object> args) throws Exception;
}
