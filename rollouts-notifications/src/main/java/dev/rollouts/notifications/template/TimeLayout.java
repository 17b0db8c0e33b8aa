package dev.rollouts.notifications.template;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Go's time layouts, written with the reference time {@code Mon Jan 2 15:04:05 MST 2006}: {@code
 * 2006 06 January Jan 01 1 Monday Mon 02 2 _2 002 15 03 3 04 4 05 5 PM pm MST -0700 -07:00 -07
 * Z0700 Z07:00 Z07}, and fractional seconds {@code .000} (fixed) or {@code .999} (trailing zeros
 * dropped).
 */
final class TimeLayout {

  private TimeLayout() {}

  private static final String[] CHUNKS = {
    "January", "Jan", "Monday", "Mon", "MST", "2006", "002", "__2", "_2", "06", "01", "02", "03",
    "04", "05", "15", "1", "2", "3", "4", "5", "PM", "pm", "-07:00:00", "-070000", "-07:00",
    "-0700", "-07", "Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07"
  };

  static String format(ZonedDateTime t, String layout) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < layout.length()) {
      int fraction = fractionLength(layout, i);
      if (fraction > 0) {
        boolean trim = layout.charAt(i + 1) == '9';
        String digits = String.format("%09d", t.getNano()).substring(0, fraction);
        if (trim) {
          digits = digits.replaceFirst("0+$", "");
          if (!digits.isEmpty()) {
            out.append(layout.charAt(i)).append(digits);
          }
        } else {
          out.append(layout.charAt(i)).append(digits);
        }
        i += fraction + 1;
        continue;
      }
      String chunk = chunkAt(layout, i);
      if (chunk == null) {
        out.append(layout.charAt(i++));
        continue;
      }
      out.append(render(t, chunk));
      i += chunk.length();
    }
    return out.toString();
  }

  private static int fractionLength(String layout, int i) {
    char c = layout.charAt(i);
    if ((c != '.' && c != ',') || i + 1 >= layout.length()) {
      return 0;
    }
    char digit = layout.charAt(i + 1);
    if (digit != '0' && digit != '9') {
      return 0;
    }
    int j = i + 1;
    while (j < layout.length() && layout.charAt(j) == digit) {
      j++;
    }
    if (j < layout.length() && Character.isDigit(layout.charAt(j))) {
      return 0;
    }
    return j - i - 1;
  }

  private static String chunkAt(String layout, int i) {
    for (String chunk : CHUNKS) {
      if (layout.startsWith(chunk, i)) {
        if (chunk.equals("Jan") || chunk.equals("Mon")) {
          // "Janet" is not a month: Go requires a non-lower-case letter after Jan/Mon.
          int after = i + 3;
          if (after < layout.length() && Character.isLowerCase(layout.charAt(after))) {
            continue;
          }
        }
        return chunk;
      }
    }
    return null;
  }

  private static String render(ZonedDateTime t, String chunk) {
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    int offset = t.getOffset().getTotalSeconds();
    return switch (chunk) {
      case "January" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Jan" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "Monday" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Mon" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "MST" -> zoneName(t);
      case "2006" -> String.format("%04d", t.getYear());
      case "06" -> String.format("%02d", t.getYear() % 100);
      case "002" -> String.format("%03d", t.getDayOfYear());
      case "__2" -> String.format("%3d", t.getDayOfYear());
      case "_2" -> String.format("%2d", t.getDayOfMonth());
      case "01" -> String.format("%02d", t.getMonthValue());
      case "02" -> String.format("%02d", t.getDayOfMonth());
      case "03" -> String.format("%02d", hour12);
      case "04" -> String.format("%02d", t.getMinute());
      case "05" -> String.format("%02d", t.getSecond());
      case "15" -> String.format("%02d", t.getHour());
      case "1" -> Integer.toString(t.getMonthValue());
      case "2" -> Integer.toString(t.getDayOfMonth());
      case "3" -> Integer.toString(hour12);
      case "4" -> Integer.toString(t.getMinute());
      case "5" -> Integer.toString(t.getSecond());
      case "PM" -> t.getHour() >= 12 ? "PM" : "AM";
      case "pm" -> t.getHour() >= 12 ? "pm" : "am";
      default -> zoneOffset(chunk, offset);
    };
  }

  private static String zoneName(ZonedDateTime t) {
    ZoneId zone = t.getZone();
    if (zone.normalized() instanceof ZoneOffset o) {
      if (o.getTotalSeconds() == 0) {
        return "UTC";
      }
      return zoneOffset("-0700", o.getTotalSeconds());
    }
    return zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(zone.getId())
        ? zoneOffset("-0700", t.getOffset().getTotalSeconds())
        : java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(t);
  }

  private static String zoneOffset(String chunk, int offset) {
    if (chunk.startsWith("Z") && offset == 0) {
      return "Z";
    }
    int abs = Math.abs(offset);
    String sign = offset < 0 ? "-" : "+";
    String hh = String.format("%02d", abs / 3600);
    String mm = String.format("%02d", abs / 60 % 60);
    String ss = String.format("%02d", abs % 60);
    String pattern = chunk.substring(1);
    return switch (pattern) {
      case "07:00:00" -> sign + hh + ":" + mm + ":" + ss;
      case "070000" -> sign + hh + mm + ss;
      case "07:00" -> sign + hh + ":" + mm;
      case "0700" -> sign + hh + mm;
      default -> sign + hh;
    };
  }

  /** Parses {@code value} with a Go layout; supports the numeric chunks and zone offsets. */
  static ZonedDateTime parse(String layout, String value) {
    int year = 1;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nano = 0;
    boolean pm = false;
    boolean hasPm = false;
    ZoneOffset zone = ZoneOffset.UTC;
    int i = 0;
    int v = 0;
    try {
      while (i < layout.length()) {
        int fraction = fractionLength(layout, i);
        if (fraction > 0
            || (layout.charAt(i) == '.'
                && v < value.length()
                && value.charAt(v) == '.'
                && layout.startsWith("05", i - 2))) {
          if (v < value.length() && (value.charAt(v) == '.' || value.charAt(v) == ',')) {
            int start = ++v;
            while (v < value.length() && Character.isDigit(value.charAt(v))) {
              v++;
            }
            String digits = (value.substring(start, v) + "000000000").substring(0, 9);
            nano = Integer.parseInt(digits);
          }
          i += Math.max(fraction, 0) + 1;
          continue;
        }
        String chunk = chunkAt(layout, i);
        if (chunk == null) {
          if (v >= value.length() || value.charAt(v) != layout.charAt(i)) {
            throw new DateTimeException(
                "cannot parse \""
                    + value.substring(Math.min(v, value.length()))
                    + "\" as \""
                    + layout.substring(i)
                    + "\"");
          }
          i++;
          v++;
          continue;
        }
        i += chunk.length();
        if (chunk.startsWith("Z") && v < value.length() && value.charAt(v) == 'Z') {
          v++;
          continue;
        }
        if (chunk.startsWith("-") || chunk.startsWith("Z")) {
          int start = v;
          v++;
          while (v < value.length()
              && (Character.isDigit(value.charAt(v)) || value.charAt(v) == ':')) {
            v++;
          }
          zone = ZoneOffset.of(value.substring(start, v));
          continue;
        }
        if (chunk.equals("PM") || chunk.equals("pm")) {
          hasPm = true;
          pm = value.substring(v, v + 2).equalsIgnoreCase("PM");
          v += 2;
          continue;
        }
        if (chunk.equals("Jan")
            || chunk.equals("January")
            || chunk.equals("Mon")
            || chunk.equals("Monday")
            || chunk.equals("MST")) {
          int start = v;
          while (v < value.length() && Character.isLetter(value.charAt(v))) {
            v++;
          }
          String word = value.substring(start, v);
          if (chunk.startsWith("Jan")) {
            month = monthOf(word);
          }
          continue;
        }
        int width =
            switch (chunk) {
              case "2006" -> 4;
              case "002" -> 3;
              case "1", "2", "3", "4", "5", "_2" -> 0;
              default -> 2;
            };
        if (chunk.equals("_2") && v < value.length() && value.charAt(v) == ' ') {
          v++;
        }
        int start = v;
        if (width == 0) {
          while (v < value.length() && Character.isDigit(value.charAt(v)) && v - start < 2) {
            v++;
          }
        } else {
          v += width;
        }
        int n = Integer.parseInt(value.substring(start, v));
        switch (chunk) {
          case "2006" -> year = n;
          case "06" -> year = n >= 69 ? 1900 + n : 2000 + n;
          case "01", "1" -> month = n;
          case "02", "2", "_2" -> day = n;
          case "15" -> hour = n;
          case "03", "3" -> hour = n;
          case "04", "4" -> minute = n;
          case "05", "5" -> second = n;
          default -> {}
        }
      }
      if (v != value.length()) {
        throw new DateTimeException("extra text: \"" + value.substring(v) + "\"");
      }
      if (hasPm) {
        hour = hour % 12 + (pm ? 12 : 0);
      }
      return ZonedDateTime.of(
          LocalDateTime.of(
              LocalDate.of(year, month, day), LocalTime.of(hour, minute, second, nano)),
          zone);
    } catch (RuntimeException e) {
      throw new DateTimeException(
          "parsing time \"" + value + "\" as \"" + layout + "\": " + e.getMessage(), e);
    }
  }

  private static int monthOf(String word) {
    for (java.time.Month m : java.time.Month.values()) {
      String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      if (full.equalsIgnoreCase(word) || full.substring(0, 3).equalsIgnoreCase(word)) {
        return m.getValue();
      }
    }
    throw new DateTimeException("month out of range");
  }
}
