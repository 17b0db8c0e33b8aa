package dev.rollouts.notifications.template;

import java.util.List;

/**
 * Go's {@code time.Duration}: nanoseconds, printed as Go prints them ({@code 1h2m3.5s}, {@code
 * 1.5s}, {@code 300ms}, {@code 0s}), with the methods {@code Hours}, {@code Minutes}, {@code
 * Seconds}, {@code Milliseconds}, {@code String}, {@code Round} and {@code Truncate}.
 */
record GoDuration(long nanos) implements MethodReceiver {

  @Override
  public Object invoke(String method, List<Object> args) {
    return switch (method) {
      case "Hours" -> nanos / 3.6e12;
      case "Minutes" -> nanos / 6e10;
      case "Seconds" -> nanos / 1e9;
      case "Milliseconds" -> nanos / 1_000_000;
      case "Nanoseconds" -> nanos;
      case "String" -> toString();
      case "Round" -> round(Values.integer(args.get(0)));
      case "Truncate" -> {
        long m = Values.integer(args.get(0));
        yield new GoDuration(m <= 0 ? nanos : nanos - nanos % m);
      }
      default -> throw new NoSuchMethodError(method);
    };
  }

  private GoDuration round(long m) {
    if (m <= 0) {
      return this;
    }
    long r = nanos % m;
    if (nanos < 0) {
      r = -r;
      return new GoDuration(r + r < m ? nanos + r : nanos + r - m);
    }
    return new GoDuration(r + r < m ? nanos - r : nanos + m - r);
  }

  @Override
  public String toString() {
    long d = nanos;
    if (d == 0) {
      return "0s";
    }
    boolean negative = d < 0;
    long u = Math.abs(d);
    StringBuilder out = new StringBuilder();
    if (u < 1_000_000_000L) {
      String unit;
      long scale;
      if (u < 1_000) {
        return (negative ? "-" : "") + u + "ns";
      } else if (u < 1_000_000) {
        unit = "µs";
        scale = 1_000;
      } else {
        unit = "ms";
        scale = 1_000_000;
      }
      out.append(fraction(u, scale)).append(unit);
    } else {
      long hours = u / 3_600_000_000_000L;
      long rest = u % 3_600_000_000_000L;
      long minutes = rest / 60_000_000_000L;
      rest %= 60_000_000_000L;
      if (hours > 0) {
        out.append(hours).append('h');
      }
      if (hours > 0 || minutes > 0) {
        out.append(minutes).append('m');
      }
      out.append(fraction(rest, 1_000_000_000L)).append('s');
    }
    return (negative ? "-" : "") + out;
  }

  private static String fraction(long value, long scale) {
    long whole = value / scale;
    long frac = value % scale;
    if (frac == 0) {
      return Long.toString(whole);
    }
    String digits = Long.toString(scale + frac).substring(1).replaceFirst("0+$", "");
    return whole + "." + digits;
  }
}
