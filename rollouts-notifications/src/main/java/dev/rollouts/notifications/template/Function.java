package dev.rollouts.notifications.template;

import java.util.List;

/**
 * A template function. Arguments arrive evaluated; a missing value arrives as {@link
 * Values#MISSING} (functions with {@code interface{}} parameters see it as nil through {@link
 * Values#plain}). An exception becomes Go's {@code error calling NAME: MESSAGE}.
 */
@FunctionalInterface
interface Function {
  Object apply(List<Object> args) throws Exception;

  /** Checks the argument count as Go's {@code wrong number of args for NAME: want N got M}. */
  static void arity(String name, List<Object> args, int want) {
    if (args.size() != want) {
      throw new Values.ArgumentException(
          "wrong number of args for " + name + ": want " + want + " got " + args.size());
    }
  }

  static void atLeast(String name, List<Object> args, int want) {
    if (args.size() < want) {
      throw new Values.ArgumentException(
          "wrong number of args for " + name + ": want at least " + want + " got " + args.size());
    }
  }
}
