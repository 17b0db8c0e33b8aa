package dev.rollouts.notifications.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Go's {@code url.Values.Encode}: keys sorted, {@code key=value} joined by {@code &}, each part
 * escaped as {@code url.QueryEscape} does (space as {@code +}; only letters, digits and {@code
 * -_.~} unescaped).
 */
final class FormEncoding {

  private FormEncoding() {}

  static String encode(Map<String, String> values) {
    StringJoiner out = new StringJoiner("&");
    new TreeMap<>(values).forEach((k, v) -> out.add(escape(k) + "=" + escape(v)));
    return out.toString();
  }

  static String escape(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
  }
}
