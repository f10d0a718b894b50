package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;

/** Master-file (RFC 1035 section 5.1) presentation of names, for the records' text forms. */
final class MasterText {
  private MasterText() {}

  /**
   * Returns {@code name} in absolute master-file form, {@code example.com.}, escaping the
   * characters a master file gives a meaning to: a space becomes {@code \032}, and {@code " ( ) ;
   * \ @ $} get a backslash, as dnsjava and BIND print them. {@link DomainName} admits these in a
   * label (DNS can hold any octet), so printing them bare would not read back as the same name.
   */
  static String name(DomainName name) {
    String text = name.toAbsoluteString();
    if (!needsEscape(text)) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        sb.append('\\').append(String.format(java.util.Locale.ROOT, "%03d", (int) c & 0xff));
      } else if (isSpecial(c)) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean needsEscape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f || isSpecial(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpecial(char c) {
    return c == '"' || c == '(' || c == ')' || c == ';' || c == '\\' || c == '@' || c == '$';
  }
}
