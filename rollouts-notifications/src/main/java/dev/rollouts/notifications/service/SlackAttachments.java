package dev.rollouts.notifications.service;

import dev.rollouts.notifications.template.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Slack attachments as notifications-engine sends them: the rendered JSON is read into slack-go's
 * {@code Attachment} struct (v0.16.0) and written again, so fields come out in the struct's order,
 * empty ones are dropped ({@code omitempty}), unknown ones are lost, and {@code fields} entries are
 * always {@code {"title","value","short"}}.
 */
final class SlackAttachments {

  private static final List<String> STRING_FIELDS_BEFORE =
      List.of(
          "color",
          "fallback",
          "callback_id",
          "id",
          "author_id",
          "author_name",
          "author_subname",
          "author_link",
          "author_icon",
          "title",
          "title_link",
          "pretext",
          "text",
          "image_url",
          "thumb_url",
          "service_name",
          "service_icon",
          "from_url",
          "original_url");

  private SlackAttachments() {}

  /** The {@code attachments} form value: {@code []} when the template has none. */
  static String normalise(String rendered) throws SendException {
    if (rendered.isEmpty()) {
      return "[]";
    }
    Object parsed;
    try {
      parsed = Json.read(rendered);
    } catch (IllegalArgumentException e) {
      throw SendException.permanent(
          "failed to unmarshal attachments '" + rendered + "' : " + e.getMessage());
    }
    if (!(parsed instanceof List<?> list)) {
      throw SendException.permanent(
          "failed to unmarshal attachments '"
              + rendered
              + "' : json: cannot unmarshal object into Go value of type []slack.Attachment");
    }
    List<Object> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> a)) {
        throw SendException.permanent("failed to unmarshal attachments '" + rendered + "'");
      }
      out.add(attachment(a, rendered));
    }
    return Json.write(out);
  }

  private static Json.Struct attachment(Map<?, ?> a, String rendered) throws SendException {
    Json.Struct s = new Json.Struct();
    for (String key : STRING_FIELDS_BEFORE) {
      Object v = a.get(key);
      if (key.equals("id")) {
        if (v instanceof Double d && d != 0) {
          s.put("id", (long) d.doubleValue());
        }
      } else if (v instanceof String str && !str.isEmpty()) {
        s.put(key, str);
      } else if (v != null && !(v instanceof String)) {
        throw typeError(rendered, key, "Attachment", v);
      }
    }
    if (a.get("fields") instanceof List<?> fields && !fields.isEmpty()) {
      List<Object> out = new ArrayList<>();
      for (Object f : fields) {
        Map<?, ?> field = f instanceof Map<?, ?> m ? m : Map.of();
        Json.Struct fs = new Json.Struct();
        fs.put("title", stringField(field, "title", rendered));
        fs.put("value", stringField(field, "value", rendered));
        fs.put("short", Boolean.TRUE.equals(field.get("short")));
        out.add(fs);
      }
      s.put("fields", out);
    }
    for (String key : List.of("actions", "mrkdwn_in", "blocks")) {
      if (a.get(key) instanceof List<?> l && !l.isEmpty()) {
        s.put(key, l);
      }
    }
    for (String key : List.of("footer", "footer_icon")) {
      if (a.get(key) instanceof String str && !str.isEmpty()) {
        s.put(key, str);
      }
    }
    if (a.get("ts") instanceof Double ts) {
      s.put("ts", ts);
    }
    return s;
  }

  private static String stringField(Map<?, ?> field, String key, String rendered)
      throws SendException {
    Object v = field.get(key);
    if (v == null) {
      return "";
    }
    if (v instanceof String str) {
      return str;
    }
    throw typeError(rendered, "fields." + key, "AttachmentField", v);
  }

  private static SendException typeError(String rendered, String key, String struct, Object v) {
    String kind =
        v instanceof Double
            ? "number"
            : v instanceof Boolean ? "bool" : v instanceof List ? "array" : "object";
    return SendException.permanent(
        "failed to unmarshal attachments '"
            + rendered
            + "' : json: cannot unmarshal "
            + kind
            + " into Go struct field "
            + struct
            + "."
            + key
            + " of type string");
  }
}
