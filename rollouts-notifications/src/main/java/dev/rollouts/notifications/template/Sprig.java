package dev.rollouts.notifications.template;

import java.util.List;
import java.util.Map;

/**
 * Sprig's functions, as {@code sprig.TxtFuncMap()} minus {@code env}/{@code expandenv} (what
 * notifications-engine registers), in the groups Sprig's documentation uses.
 */
final class Sprig {

  private Sprig() {}

  static void register(Map<String, Function> f) {
    SprigMath.register(f);
    SprigStrings.register(f);
    SprigLists.register(f);
    SprigMisc.register(f);
  }

  static Object arg(List<Object> args, int i) {
    return i < args.size() ? Values.plain(args.get(i)) : null;
  }
}
