package dev.rollouts.notifications.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Sprig's math: integer functions ({@code add add1 sub mul div mod max min}) convert leniently to
 * int64 ({@code add nil 1} is 1, {@code add 2.9 1} is 3); float functions ({@code addf subf mulf
 * divf floor ceil round}) to float64.
 */
final class SprigMath {

  private SprigMath() {}

  static void register(Map<String, Function> f) {
    f.put(
        "add",
        args -> {
          long sum = 0;
          for (Object a : args) {
            sum += Casts.toInt64(a);
          }
          return sum;
        });
    f.put(
        "add1",
        args -> {
          Function.arity("add1", args, 1);
          return Casts.toInt64(args.get(0)) + 1;
        });
    f.put(
        "sub",
        args -> {
          Function.arity("sub", args, 2);
          return Casts.toInt64(args.get(0)) - Casts.toInt64(args.get(1));
        });
    f.put(
        "mul",
        args -> {
          Function.atLeast("mul", args, 1);
          long product = 1;
          for (Object a : args) {
            product *= Casts.toInt64(a);
          }
          return product;
        });
    f.put(
        "div",
        args -> {
          Function.arity("div", args, 2);
          long divisor = Casts.toInt64(args.get(1));
          if (divisor == 0) {
            throw new ArithmeticException("runtime error: integer divide by zero");
          }
          return Casts.toInt64(args.get(0)) / divisor;
        });
    f.put(
        "mod",
        args -> {
          Function.arity("mod", args, 2);
          long divisor = Casts.toInt64(args.get(1));
          if (divisor == 0) {
            throw new ArithmeticException("runtime error: integer divide by zero");
          }
          return Casts.toInt64(args.get(0)) % divisor;
        });
    Function max =
        args -> {
          Function.atLeast("max", args, 1);
          long m = Casts.toInt64(args.get(0));
          for (Object a : args) {
            m = Math.max(m, Casts.toInt64(a));
          }
          return m;
        };
    f.put("max", max);
    f.put("biggest", max);
    f.put(
        "min",
        args -> {
          Function.atLeast("min", args, 1);
          long m = Casts.toInt64(args.get(0));
          for (Object a : args) {
            m = Math.min(m, Casts.toInt64(a));
          }
          return m;
        });
    f.put(
        "addf",
        args -> {
          double sum = 0;
          for (Object a : args) {
            sum += Casts.toFloat64(a);
          }
          return sum;
        });
    f.put(
        "subf",
        args -> {
          Function.atLeast("subf", args, 1);
          double r = Casts.toFloat64(args.get(0));
          for (Object a : args.subList(1, args.size())) {
            r -= Casts.toFloat64(a);
          }
          return r;
        });
    f.put(
        "mulf",
        args -> {
          double r = 1;
          for (Object a : args) {
            r *= Casts.toFloat64(a);
          }
          return r;
        });
    f.put(
        "divf",
        args -> {
          Function.atLeast("divf", args, 1);
          double r = Casts.toFloat64(args.get(0));
          for (Object a : args.subList(1, args.size())) {
            r /= Casts.toFloat64(a);
          }
          return r;
        });
    f.put("floor", args -> Math.floor(Casts.toFloat64(Sprig.arg(args, 0))));
    f.put("ceil", args -> Math.ceil(Casts.toFloat64(Sprig.arg(args, 0))));
    f.put(
        "round",
        args -> {
          Function.atLeast("round", args, 2);
          double value = Casts.toFloat64(args.get(0));
          int places = (int) Values.integer(args.get(1));
          double half = args.size() > 2 ? Casts.toFloat64(args.get(2)) : 0.5;
          BigDecimal scaled = new BigDecimal(value).movePointRight(places);
          double digit = scaled.subtract(new BigDecimal(scaled.toBigInteger())).abs().doubleValue();
          BigDecimal whole = scaled.setScale(0, RoundingMode.DOWN);
          if (digit >= half) {
            whole = whole.add(BigDecimal.valueOf(value < 0 ? -1 : 1));
          }
          return whole.movePointLeft(places).doubleValue();
        });
  }
}
