package io.maildiag.ndr.parse;

import io.maildiag.core.internal.LowerCase;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A leniently parsed Content-Type: {@code type/subtype} lower-cased, parameters by lower-cased name.
 * The parameters are parsed when first asked for: the parts of attached messages are mostly never
 * asked for their charset or boundary. Equal when type and parameters are.
 */
final class ContentType {
  static final ContentType TEXT_PLAIN = new ContentType("text/plain", Map.of());
  static final ContentType MESSAGE_RFC822 = new ContentType("message/rfc822", Map.of());

  private final String mimeType;
  /** The parameters; null until {@link #params()} parses them from {@link #source}. */
  private Map<String, String> params;
  /** The trimmed field value and where its parameters start; null when the parameters were given. */
  private final String source;
  private final int paramsFrom;

  ContentType(String mimeType, Map<String, String> params) {
    this.mimeType = mimeType;
    this.params = params;
    this.source = null;
    this.paramsFrom = 0;
  }

  /** A type whose parameters are {@code v} from {@code from} on, parsed when first read. */
  private ContentType(String mimeType, String v, int from) {
    this.mimeType = mimeType;
    this.paramsFrom = from;
    this.source = v;
    if (from >= v.length()) {
      this.params = Map.of(); // no parameters to parse
    }
  }

  String mimeType() {
    return mimeType;
  }

  /** The parameters by lower-cased name, in the order first met. */
  Map<String, String> params() {
    Map<String, String> p = params;
    if (p == null) {
      p = parseParams(source, paramsFrom);
      params = p;
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentType t && mimeType.equals(t.mimeType) && params().equals(t.params());
  }

  @Override
  public int hashCode() {
    return 31 * mimeType.hashCode() + params().hashCode();
  }

  @Override
  public String toString() {
    return "ContentType[mimeType=" + mimeType + ", params=" + params() + "]";
  }

  static ContentType parse(String value, ContentType fallback) {
    if (value == null) {
      return fallback;
    }
    String v = value.trim();
    int i = 0;
    int n = v.length();
    while (i < n && v.charAt(i) != ';' && !isWhitespace(v.charAt(i))) {
      i++;
    }
    String type = known(v, 0, i, TYPES_BY_LENGTH);
    if (type != null) {
      return new ContentType(type, v, i);
    }
    type = LowerCase.root(v.substring(0, i)).replace("\"", "");
    if (type.indexOf('/') <= 0 || type.endsWith("/")) {
      return new ContentType(fallback.mimeType(), v, i);
    }
    return new ContentType(type, v, i);
  }

  /** Common media types, lower-case: one of these is shared rather than built for each part. */
  private static final String[] TYPES = {"text/plain", "text/html", "multipart/report", "multipart/alternative",
      "multipart/mixed", "multipart/related", "message/delivery-status", "message/rfc822", "text/rfc822-headers",
      "message/global-delivery-status", "message/global", "message/global-headers", "message/feedback-report",
      "application/octet-stream", "application/json", "image/png", "image/gif", "image/jpeg"};
  /** Common parameter names, lower-case. */
  private static final String[] NAMES = {"charset", "boundary", "report-type", "name", "format", "delsp",
      "type", "protocol", "micalg", "reply-type", "filename"};

  /** {@link #TYPES} and {@link #NAMES} grouped by length: a lookup compares only names of the right length. */
  private static final String[][] TYPES_BY_LENGTH = byLength(TYPES);
  private static final String[][] NAMES_BY_LENGTH = byLength(NAMES);

  private static String[][] byLength(String[] table) {
    int max = 0;
    for (String k : table) {
      max = Math.max(max, k.length());
    }
    String[][] out = new String[max + 1][];
    for (int len = 0; len <= max; len++) {
      int n = 0;
      for (String k : table) {
        n += k.length() == len ? 1 : 0;
      }
      out[len] = new String[n];
      n = 0;
      for (String k : table) {
        if (k.length() == len) {
          out[len][n++] = k;
        }
      }
    }
    return out;
  }

  /**
   * The entry of {@code byLength} that {@code v[from, to)} equals ignoring ASCII case, or null. Only an
   * all-ASCII text without quotes can match, and for it that is the Locale.ROOT lower case.
   */
  private static String known(String v, int from, int to, String[][] byLength) {
    int len = to - from;
    if (len == 0 || len >= byLength.length) {
      return null; // no entry is empty
    }
    char first = Keywords.lower(v.charAt(from));
    for (String k : byLength[len]) {
      if (k.charAt(0) == first && Keywords.startsWithAscii(v, from, k)) { // the first chars compared inline
        return k;
      }
    }
    return null;
  }

  /** Character.isWhitespace, answered without a call for ASCII. */
  private static boolean isWhitespace(char c) {
    if (c < 0x80) {
      return c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1C && c <= 0x1F;
    }
    return Character.isWhitespace(c);
  }

  private static Map<String, String> parseParams(String v, int from) {
    if (from >= v.length()) {
      return Map.of(); // no parameters: nothing to allocate
    }
    Params params = new Params();
    int i = from;
    int n = v.length();
    while (i < n && params.size() < 32) {
      // skip separators and spaces
      while (i < n && (v.charAt(i) == ';' || isWhitespace(v.charAt(i)))) {
        i++;
      }
      int nameStart = i;
      while (i < n && v.charAt(i) != '=' && v.charAt(i) != ';' && !isWhitespace(v.charAt(i))) {
        i++;
      }
      String name = known(v, nameStart, i, NAMES_BY_LENGTH);
      if (name == null) {
        name = LowerCase.root(v.substring(nameStart, i));
      }
      while (i < n && isWhitespace(v.charAt(i))) {
        i++;
      }
      if (i >= n || v.charAt(i) != '=') {
        if (i == nameStart) {
          i++;
        }
        continue;
      }
      i++; // '='
      while (i < n && isWhitespace(v.charAt(i))) {
        i++;
      }
      String val;
      int close;
      if (i < n && v.charAt(i) == '"' && !hasBackslash(v, i + 1, (close = v.indexOf('"', i + 1)) < 0 ? n : close)) {
        // a quoted value without backslashes: the text between the quotes (or up to the end)
        int end = close < 0 ? n : close;
        val = v.substring(i + 1, end);
        i = end + 1;
      } else if (i < n && v.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < n && v.charAt(i) != '"') {
          char c = v.charAt(i);
          if (c == '\\' && i + 1 < n) {
            i++;
            c = v.charAt(i);
          }
          sb.append(c);
          i++;
        }
        i++;
        val = sb.toString();
      } else {
        int s = i;
        while (i < n && v.charAt(i) != ';' && !isWhitespace(v.charAt(i))) {
          i++;
        }
        val = v.substring(s, i);
      }
      if (!name.isEmpty()) {
        // RFC 2231 continuations: name*0, name*1 ... joined in order of appearance
        int star = name.indexOf('*');
        if (star > 0) {
          params.append(name.substring(0, star), val);
        } else {
          params.putIfAbsent(name, val);
        }
      }
    }
    return params.size() == 0 ? Map.of() : params;
  }

  /**
   * The parameters in the order first met: a small map in two arrays, searched in order. A
   * Content-Type has a few parameters at most (32 are read), so this is cheaper to fill and to ask
   * than a hash map, and it iterates in the same order as a LinkedHashMap filled alike. Read-only
   * once parsed.
   */
  static final class Params extends AbstractMap<String, String> {
    private String[] keys = new String[4];
    private String[] values = new String[4];
    private int size;

    @Override
    public int size() {
      return size;
    }

    private int indexOf(Object key) {
      for (int k = 0; k < size; k++) {
        if (keys[k].equals(key)) {
          return k;
        }
      }
      return -1;
    }

    @Override
    public String get(Object key) {
      int k = indexOf(key);
      return k < 0 ? null : values[k];
    }

    @Override
    public boolean containsKey(Object key) {
      return indexOf(key) >= 0;
    }

    /** Map.putIfAbsent as the parser uses it (no null values). */
    @Override
    public String putIfAbsent(String key, String value) {
      int k = indexOf(key);
      if (k >= 0) {
        return values[k];
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = key;
      values[size] = value;
      size++;
      return null;
    }

    /** Map.merge with String::concat: an RFC 2231 continuation appended to what came before. */
    void append(String key, String value) {
      int k = indexOf(key);
      if (k >= 0) {
        values[k] = values[k].concat(value);
      } else {
        putIfAbsent(key, value);
      }
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, String>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < size;
            }

            @Override
            public Map.Entry<String, String> next() {
              if (next >= size) {
                throw new NoSuchElementException();
              }
              int k = next++;
              return new AbstractMap.SimpleImmutableEntry<>(keys[k], values[k]);
            }
          };
        }

        @Override
        public int size() {
          return size;
        }
      };
    }
  }

  /** Whether {@code v[from, to)} holds a backslash (a quoted value's escape): String.indexOf is a vectorised intrinsic. */
  private static boolean hasBackslash(String v, int from, int to) {
    int k = v.indexOf('\\', from);
    return k >= 0 && k < to;
  }

  String param(String name) {
    return params().get(name);
  }

  boolean isMultipart() {
    return mimeType.startsWith("multipart/");
  }

  boolean isText() {
    return mimeType.startsWith("text/");
  }

  /** A whole message: message/rfc822 or message/global (RFC 6532). */
  boolean isEmbeddedMessage() {
    return mimeType.equals("message/rfc822") || mimeType.equals("message/global")
        || mimeType.equals("message/rfc2822") || mimeType.equals("message/partial-rfc822");
  }

  /** Only the header section of a message: text/rfc822-headers or message/global-headers. */
  boolean isHeadersOnly() {
    return mimeType.equals("text/rfc822-headers") || mimeType.equals("message/global-headers")
        || mimeType.equals("message/rfc822-headers");
  }

  boolean isDeliveryStatus() {
    return mimeType.equals("message/delivery-status") || mimeType.equals("message/global-delivery-status");
  }
}
