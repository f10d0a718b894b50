package io.maildiag.headers.auth;

/** Character classes and quoting shared by the parsers and renderers of this package. */
final class Text {
  private Text() {}

  /** RFC 2045 tspecials plus space and controls: what a token cannot contain. */
  private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

  /** RFC 5322 specials: what atext cannot contain. */
  private static final String SPECIALS = "()<>[]:;@\\,.\"";

  static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  static boolean isFwsChar(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** A control character other than HTAB, CR and LF (which are folding white space). */
  static boolean isBadControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f;
  }

  /** An RFC 8601 Keyword character (ldh-str), plus underscore, which real methods use. */
  static boolean isKeywordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  static boolean isTokenChar(char c) {
    return c > 0x20 && c != 0x7f && TSPECIALS.indexOf(c) < 0;
  }

  static boolean isAtextChar(char c) {
    return c > 0x20 && c != 0x7f && SPECIALS.indexOf(c) < 0;
  }

  /** Whether {@code s} is a non-empty keyword. */
  static boolean isKeyword(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isKeywordChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s} may stand unquoted as a property value: RFC 8601 allows a token or {@code
   * [[local-part] "@"] domain-name}; in practice values are atext, dots and at-signs ({@code
   * header.b} values hold base64's {@code /} and {@code +}).
   */
  static boolean isPlainPvalue(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(isAtextChar(c) || c == '.' || c == '@')) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} holds no control characters but HTAB. */
  static boolean isPrintable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  static String requirePrintable(String s, String what) {
    if (!isPrintable(s)) {
      throw new IllegalArgumentException(what + " holds a control character: " + s.replaceAll("\\p{Cntrl}", "?"));
    }
    return s;
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }

  static String tokenOrQuoted(String s) {
    return isToken(s) ? s : quote(s);
  }

  static String pvalueOrQuoted(String s) {
    return isPlainPvalue(s) ? s : quote(s);
  }

  static void appendComment(StringBuilder sb, String comment) {
    sb.append('(');
    for (int i = 0; i < comment.length(); i++) {
      char c = comment.charAt(i);
      if (c == '(' || c == ')' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    sb.append(')');
  }
}
