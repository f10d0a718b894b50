package io.maildiag.ndr.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finding mail addresses in free text and header values. */
final class Addresses {
  private Addresses() {}

  /** local@domain, with UTF-8 letters (RFC 6531) and the RFC 5322 atext specials in the local part. */
  static final String ADDR = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]{1,128}@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62}\\.)*"
      + "[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,62}";
  private static final Pattern ANY = Pattern.compile("(?<![\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-])" + ADDR);

  /** Every address in {@code text}, in order. */
  static List<String> all(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = ANY.matcher(text.length() > 100_000 ? text.substring(0, 100_000) : text);
    while (m.find() && out.size() < 1000) {
      String a = trim(m.group());
      if (a.indexOf('@') > 0) {
        out.add(a);
      }
    }
    return out;
  }

  /** The first address in {@code text}, or null. */
  static String first(String text) {
    Matcher m = ANY.matcher(text.length() > 100_000 ? text.substring(0, 100_000) : text);
    return m.find() ? trim(m.group()) : null;
  }

  static String trim(String a) {
    String s = a;
    while (s.startsWith(".") || s.startsWith("'")) {
      s = s.substring(1);
    }
    while (s.endsWith(".") || s.endsWith("-")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  static String key(String address) {
    return address.toLowerCase(Locale.ROOT);
  }

  static String localPart(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? address : address.substring(0, at);
  }

  static String domain(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  private static final Pattern SYSTEM_LOCAL = Pattern.compile(
      "(?i)^(mailer[-_.]?daemon|mail[-_.]?daemon|post[-_.]?master|poostmaster|postoffice|mdaemon|"
          + "mail[-_.]?delivery[-_.]?(sub)?system|mail[-_.]?administrator|mail[-_.]?admin|sysadmin|"
          + "bounces?([-+.].*)?|bounce-?notification|no-?reply|do-?not-?reply|nobody|root|daemon|mailmaster|"
          + "email-?admin|smtp|mta|mail)$");

  private static final Pattern ROLE_LOCAL = Pattern.compile(
      "(?i)^(abuse|support|help|helpdesk|noc|security|hostmaster|webmaster|admin|administrator|info|contact|"
          + "customer-?service|service)$");

  /** Whether the address is a role address people are told to contact (abuse@, support@...). */
  static boolean isRole(String address) {
    return ROLE_LOCAL.matcher(localPart(address)).matches();
  }

  /** Whether the address belongs to a mail system rather than a person (MAILER-DAEMON, postmaster...). */
  static boolean isSystem(String address) {
    return SYSTEM_LOCAL.matcher(localPart(address)).matches() || address.equalsIgnoreCase("mailer-daemon");
  }
}
