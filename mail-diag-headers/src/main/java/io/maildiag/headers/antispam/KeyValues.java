package io.maildiag.headers.antispam;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.internal.Excerpt;
import io.maildiag.core.internal.UpperCase;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits Microsoft's {@code KEY:value;KEY:value;} lists. Keys are upper-cased; the first of a duplicate wins. */
final class KeyValues {

  private static final int MAX_ITEMS = 1000;

  private KeyValues() {}

  static Map<String, String> parse(String value, String fieldName, List<Diagnostic> diags) {
    Map<String, String> out = new LinkedHashMap<>();
    int n = value.length();
    int i = 0;
    int items = 0;
    while (i < n && items < MAX_ITEMS) {
      int semi = value.indexOf(';', i);
      int end = semi < 0 ? n : semi;
      String item = value.substring(i, end).trim();
      if (!item.isEmpty()) {
        items++;
        int colon = item.indexOf(':');
        if (colon <= 0) {
          if (diags.size() < 20) {
            diags.add(Diagnostic.warning(AntispamCodes.HEADERS_ANTISPAM_MALFORMED,
                    fieldName + ": item '" + shorten(item) + "' is not KEY:value")
                .withEvidence(shorten(item))
                .at(SourceSpan.of(value, i, end - i)));
          }
        } else {
          out.putIfAbsent(UpperCase.root(item.substring(0, colon).trim()), item.substring(colon + 1).trim());
        }
      }
      i = end + 1;
    }
    return Collections.unmodifiableMap(out);
  }

  static String shorten(String s) {
    return Excerpt.of(s, 83);
  }
}
