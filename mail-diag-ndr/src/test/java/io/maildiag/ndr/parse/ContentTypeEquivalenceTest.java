package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link ContentType#parse} with its shared common types and names against the plain parser it shortcuts. */
class ContentTypeEquivalenceTest {

  @Property(tries = 5000)
  void sameAsThePlainParser(@ForAll("values") String value) {
    ContentType fast = ContentType.parse(value, ContentType.TEXT_PLAIN);
    ContentType plain = reference(value, ContentType.TEXT_PLAIN);
    assertThat(fast).isEqualTo(plain);
    assertThat(new ArrayList<>(fast.params().entrySet())).isEqualTo(new ArrayList<>(plain.params().entrySet()));
    assertThat(plain.equals(fast)).isTrue();
    assertThat(fast.hashCode()).isEqualTo(plain.hashCode());
    for (String name : List.of("charset", "boundary", "name", "report-type", "x", "")) {
      assertThat(fast.param(name)).isEqualTo(plain.param(name));
      assertThat(fast.params().containsKey(name)).isEqualTo(plain.params().containsKey(name));
    }
    for (String name : plain.params().keySet()) {
      assertThat(fast.param(name)).isEqualTo(plain.param(name));
    }
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of("text/plain", "TEXT/Plain", "text/plaın", "te\"xt/plain", "text/html", "Multipart/Report",
        "message/rfc822", "image/png", "text/", "/x", "text", ";", " ", "\t", "charset=utf-8", "CHARSET=\"UTF-8\"",
        "Boundary=\"a b\"", "boundary*0=a", "boundary*1=b", "name=x", "NAME*=x", "\u212Aharset=k", "charſet=s",
        "report-type=delivery-status", "=", "\"", "\\", "x=\"a\\\"b\"", "message/delivery-status\u00a0")
        .list().ofMaxSize(6).map(l -> String.join(l.size() % 2 == 0 ? "; " : ";", l));
  }

  static ContentType reference(String value, ContentType fallback) {
    if (value == null) {
      return fallback;
    }
    String v = value.trim();
    int i = 0;
    int n = v.length();
    while (i < n && v.charAt(i) != ';' && !isWhitespace(v.charAt(i))) {
      i++;
    }
    String type = v.substring(0, i).toLowerCase(Locale.ROOT).replace("\"", "");
    if (type.indexOf('/') <= 0 || type.endsWith("/")) {
      return new ContentType(fallback.mimeType(), referenceParams(v, i));
    }
    return new ContentType(type, referenceParams(v, i));
  }

  /** Character.isWhitespace, answered without a call for ASCII. */
  private static boolean isWhitespace(char c) {
    if (c < 0x80) {
      return c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1C && c <= 0x1F;
    }
    return Character.isWhitespace(c);
  }

  private static Map<String, String> referenceParams(String v, int from) {
    if (from >= v.length()) {
      return Map.of(); // no parameters: nothing to allocate
    }
    Map<String, String> params = new LinkedHashMap<>();
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
      String name = v.substring(nameStart, i).toLowerCase(Locale.ROOT);
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
      if (i < n && v.charAt(i) == '"' && ((close = v.indexOf('"', i + 1)) < 0 ? v.indexOf('\\', i + 1) < 0
          : v.lastIndexOf('\\', close) <= i)) {
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
          String base = name.substring(0, star);
          params.merge(base, val, String::concat);
        } else {
          params.putIfAbsent(name, val);
        }
      }
    }
    return params;
  }

}
