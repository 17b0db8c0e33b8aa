package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The little of Kubernetes' protobuf encoding the simulated API server reads: kubectl's typed
 * commands ({@code kubectl create namespace}) send their object as protobuf. A {@code k8s\0}
 * envelope ({@code runtime.Unknown}: type meta, raw bytes) around a Namespace is decoded (its
 * metadata's name, generateName, labels, annotations and finalizers); any other kind is refused
 * with 415, naming the kind.
 */
final class Protobuf {

  private Protobuf() {}

  static ObjectNode decode(byte[] body) {
    if (body.length < 4 || body[0] != 'k' || body[1] != '8' || body[2] != 's' || body[3] != 0) {
      throw unsupported("a protobuf body without the k8s envelope");
    }
    Reader unknown = new Reader(body, 4, body.length);
    String apiVersion = "";
    String kind = "";
    byte[] raw = new byte[0];
    while (unknown.more()) {
      int tag = unknown.varint32();
      if (tag >>> 3 == 1 && (tag & 7) == 2) {
        Reader typeMeta = unknown.nested();
        while (typeMeta.more()) {
          int t = typeMeta.varint32();
          String v = typeMeta.string();
          if (t >>> 3 == 1) {
            apiVersion = v;
          } else if (t >>> 3 == 2) {
            kind = v;
          }
        }
      } else if (tag >>> 3 == 2 && (tag & 7) == 2) {
        raw = unknown.bytes();
      } else {
        unknown.skip(tag);
      }
    }
    if (!kind.equals("Namespace")) {
      throw unsupported(
          "a "
              + (kind.isEmpty() ? "protobuf" : kind)
              + " in protobuf (send JSON: kubectl apply -f)");
    }
    ObjectNode obj = JsonNodeFactory.instance.objectNode();
    obj.put("apiVersion", apiVersion);
    obj.put("kind", kind);
    Reader r = new Reader(raw, 0, raw.length);
    while (r.more()) {
      int tag = r.varint32();
      if (tag >>> 3 == 1 && (tag & 7) == 2) {
        obj.set("metadata", metadata(r.nested()));
      } else {
        r.skip(tag);
      }
    }
    return obj;
  }

  private static ObjectNode metadata(Reader r) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    while (r.more()) {
      int tag = r.varint32();
      int field = tag >>> 3;
      switch (field) {
        case 1 -> m.put("name", r.string());
        case 2 -> m.put("generateName", r.string());
        case 3 -> m.put("namespace", r.string());
        case 11, 12 -> {
          Reader entry = r.nested();
          String key = "";
          String value = "";
          while (entry.more()) {
            int t = entry.varint32();
            String s = entry.string();
            if (t >>> 3 == 1) {
              key = s;
            } else {
              value = s;
            }
          }
          ((ObjectNode) m.with(field == 11 ? "labels" : "annotations")).put(key, value);
        }
        case 14 -> ((ArrayNode) m.withArray("finalizers")).add(r.string());
        default -> r.skip(tag);
      }
    }
    return m;
  }

  private static ApiException unsupported(String what) {
    return new ApiException(
        415, "UnsupportedMediaType", "the simulated API server does not read " + what);
  }

  /** A protobuf wire-format reader over a slice of bytes. */
  private static final class Reader {
    private final byte[] b;
    private int at;
    private final int end;

    Reader(byte[] b, int from, int end) {
      this.b = b;
      this.at = from;
      this.end = end;
    }

    boolean more() {
      return at < end;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte x = b[at++];
        v |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
      }
      throw unsupported("a malformed protobuf body");
    }

    int varint32() {
      return (int) varint();
    }

    byte[] bytes() {
      int n = varint32();
      byte[] out = java.util.Arrays.copyOfRange(b, at, at + n);
      at += n;
      return out;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    Reader nested() {
      int n = varint32();
      Reader r = new Reader(b, at, at + n);
      at += n;
      return r;
    }

    void skip(int tag) {
      switch (tag & 7) {
        case 0 -> varint();
        case 1 -> at += 8;
        case 2 -> {
          int n = varint32();
          at += n;
        }
        case 5 -> at += 4;
        default -> throw unsupported("a malformed protobuf body");
      }
    }
  }
}
