package io.maildiag.examples.render;

/** Small helpers for human-readable output that came from untrusted data. */
public final class Text {

  private Text() {}

  /**
   * Returns {@code s} safe to print on one terminal line: control characters (line breaks, escape
   * sequences) become {@code \ddd} decimal escapes, as in master files.
   */
  public static String printable(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
      if (control && sb == null) {
        sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (sb != null) {
        if (control) {
          sb.append('\\').append(String.format(java.util.Locale.ROOT, "%03d", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Returns {@code s} quoted with double quotes, made {@linkplain #printable printable}. */
  public static String quoted(String s) {
    return "\"" + printable(s).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Returns "1 record" or "3 records". */
  public static String count(long n, String singular) {
    return n + " " + (n == 1 ? singular : singular + "s");
  }
}
