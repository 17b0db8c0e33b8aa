package dev.rollouts.notifications.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sprig's defaults ({@code default empty coalesce ternary}), JSON ({@code toJson toPrettyJson
 * toRawJson fromJson}), conversions ({@code toString toStrings int int64 float64 atoi}), encoding
 * ({@code b64enc b64dec sha256sum sha1sum}), dates ({@code now date dateInZone htmlDate toDate
 * unixEpoch ago duration durationRound}) and {@code uuidv4}. Sprig's "Local" zone is UTC here.
 */
final class SprigMisc {

  private SprigMisc() {}

  static void register(Map<String, Function> f) {
    f.put(
        "default",
        args -> {
          Function.atLeast("default", args, 1);
          if (args.size() < 2 || Casts.empty(args.get(1))) {
            return Values.plain(args.get(0));
          }
          return Values.plain(args.get(1));
        });
    f.put("empty", args -> Casts.empty(Sprig.arg(args, 0)));
    f.put(
        "coalesce",
        args -> {
          for (Object a : args) {
            if (!Casts.empty(a)) {
              return Values.plain(a);
            }
          }
          return null;
        });
    f.put(
        "ternary",
        args -> {
          Function.arity("ternary", args, 3);
          if (!(Values.plain(args.get(2)) instanceof Boolean b)) {
            throw new Values.ArgumentException(Values.wrongType(Values.plain(args.get(2)), "bool"));
          }
          return Values.plain(args.get(b ? 0 : 1));
        });
    f.put("toJson", args -> safe(() -> Json.write(Sprig.arg(args, 0))));
    f.put("toPrettyJson", args -> safe(() -> Json.writePretty(Sprig.arg(args, 0))));
    f.put("toRawJson", args -> safe(() -> Json.writeRaw(Sprig.arg(args, 0))));
    f.put("mustToJson", args -> Json.write(Sprig.arg(args, 0)));
    f.put(
        "fromJson",
        args -> {
          try {
            return Json.read(Values.string(args.get(0)));
          } catch (IllegalArgumentException e) {
            return null;
          }
        });
    f.put("mustFromJson", args -> Json.read(Values.string(args.get(0))));
    f.put("toString", args -> Casts.strval(Sprig.arg(args, 0)));
    f.put("toStrings", args -> new ArrayList<Object>(Casts.strslice(Sprig.arg(args, 0))));
    f.put("int", args -> Casts.toInt64(Sprig.arg(args, 0)));
    f.put("int64", args -> Casts.toInt64(Sprig.arg(args, 0)));
    f.put("float64", args -> Casts.toFloat64(Sprig.arg(args, 0)));
    f.put(
        "atoi",
        args -> {
          try {
            return Long.parseLong(Values.string(args.get(0)));
          } catch (NumberFormatException e) {
            return 0L;
          }
        });
    f.put(
        "b64enc",
        args ->
            Base64.getEncoder()
                .encodeToString(Values.string(args.get(0)).getBytes(StandardCharsets.UTF_8)));
    f.put(
        "b64dec",
        args -> {
          try {
            return new String(
                Base64.getDecoder().decode(Values.string(args.get(0))), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            return "illegal base64 data at input byte 0";
          }
        });
    f.put("sha256sum", args -> digest("SHA-256", Values.string(args.get(0))));
    f.put("sha1sum", args -> digest("SHA-1", Values.string(args.get(0))));
    f.put("uuidv4", args -> UUID.randomUUID().toString());
    registerDates(f);
  }

  private interface Text {
    String get();
  }

  private static String safe(Text text) {
    try {
      return text.get();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String digest(String algorithm, String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static void registerDates(Map<String, Function> f) {
    f.put("now", args -> GoTime.of(Instant.now()));
    f.put(
        "date",
        args -> {
          Function.arity("date", args, 2);
          return inZone(Values.string(args.get(0)), args.get(1), "UTC");
        });
    f.put(
        "dateInZone",
        args -> {
          Function.arity("dateInZone", args, 3);
          return inZone(Values.string(args.get(0)), args.get(1), Values.string(args.get(2)));
        });
    f.put("htmlDate", args -> inZone("2006-01-02", Sprig.arg(args, 0), "UTC"));
    f.put(
        "toDate",
        args -> {
          Function.arity("toDate", args, 2);
          try {
            return new GoTime(
                TimeLayout.parse(Values.string(args.get(0)), Values.string(args.get(1))));
          } catch (RuntimeException e) {
            return new GoTime(ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
          }
        });
    f.put("unixEpoch", args -> Long.toString(time(Sprig.arg(args, 0)).time().toEpochSecond()));
    f.put(
        "ago",
        args -> {
          Duration since =
              Duration.between(time(Sprig.arg(args, 0)).time().toInstant(), Instant.now());
          return new GoDuration(since.toNanos())
              .invoke("Round", List.of(1_000_000_000L))
              .toString();
        });
    f.put(
        "duration",
        args -> new GoDuration(Casts.toInt64(Sprig.arg(args, 0)) * 1_000_000_000L).toString());
    f.put("durationRound", args -> durationRound(Sprig.arg(args, 0)));
  }

  private static GoTime time(Object value) {
    Object v = Values.plain(value);
    if (v instanceof GoTime t) {
      return t;
    }
    if (v instanceof Long seconds) {
      return GoTime.of(Instant.ofEpochSecond(seconds));
    }
    return GoTime.of(Instant.now());
  }

  private static String inZone(String layout, Object date, String zone) {
    ZoneId id;
    try {
      id = zone.equals("Local") ? ZoneOffset.UTC : ZoneId.of(zone);
    } catch (RuntimeException e) {
      id = ZoneOffset.UTC;
    }
    return TimeLayout.format(time(date).time().withZoneSameInstant(id), layout);
  }

  /** Sprig's {@code durationRound}: the largest whole unit of a duration, such as {@code 2h}. */
  private static String durationRound(Object value) {
    Object v = Values.plain(value);
    long nanos;
    if (v instanceof String s) {
      nanos = 0;
    } else if (v instanceof GoTime t) {
      nanos = Duration.between(t.time().toInstant(), Instant.now()).toNanos();
    } else if (v instanceof GoDuration d) {
      nanos = d.nanos();
    } else {
      nanos = Casts.toInt64(v);
    }
    long u = Math.abs(nanos);
    long second = 1_000_000_000L;
    long minute = 60 * second;
    long hour = 60 * minute;
    long day = 24 * hour;
    long month = 30 * day;
    long year = 365 * day;
    String sign = nanos < 0 ? "-" : "";
    if (u > year) {
      return sign + (u / year) + "y";
    } else if (u > month) {
      return sign + (u / month) + "mo";
    } else if (u > day) {
      return sign + (u / day) + "d";
    } else if (u > hour) {
      return sign + (u / hour) + "h";
    } else if (u > minute) {
      return sign + (u / minute) + "m";
    } else if (u > second) {
      return sign + (u / second) + "s";
    }
    return "0s";
  }
}
