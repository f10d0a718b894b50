package io.maildiag.ndr.parse;

import io.maildiag.core.internal.LowerCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finding mail addresses in free text and header values. */
final class Addresses {
  private Addresses() {}

  /** local@domain, with UTF-8 letters (RFC 6531) and the RFC 5322 atext specials in the local part. */
  static final String ADDR = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]{1,128}@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62}\\.)*"
      + "[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,62}";
  /** The character types of \p{N}, as bits. */
  private static final int NUMBER_TYPES = 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER
      | 1 << Character.OTHER_NUMBER;
  /** The ASCII chars of the local-part class of {@link #ADDR}, by code. */
  private static final boolean[] LOCAL_ASCII = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      LOCAL_ASCII[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0;
    }
  }

  /** Any address, not inside a run of local-part chars: the definition {@link #next} reads by hand. */
  static final Pattern ANY = Pattern.compile("(?<![\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-])" + ADDR);

  /** Every address in {@code text}, in order. */
  static List<String> all(String text) {
    List<String> out = new ArrayList<>();
    String t = text.length() > 100_000 ? text.substring(0, 100_000) : text;
    int from = 0;
    while (out.size() < 1000) {
      long found = next(t, from);
      if (found < 0) {
        break;
      }
      int end = (int) found;
      String a = trim(t.substring((int) (found >>> 32), end));
      if (a.indexOf('@') > 0) {
        out.add(a);
      }
      from = end;
    }
    return out;
  }

  /** Adds the {@link #key} of each address {@link #all} gives for {@code text} to {@code out}. */
  static void addKeys(String text, Set<String> out) {
    for (String a : all(text)) {
      out.add(key(a));
    }
  }

  /** The first address in {@code text}, or null. */
  static String first(String text) {
    String t = text.length() > 100_000 ? text.substring(0, 100_000) : text;
    long found = next(t, 0);
    return found >= 0 ? trim(t.substring((int) (found >>> 32), (int) found)) : null;
  }

  /**
   * The next match of {@link #ANY} in {@code t} at or after {@code from}, as {@code find(from)} finds
   * it: its start and end packed as {@code start << 32 | end}, or -1. A match's local part is a run
   * of 1 to 128 local-part code points ending at an '@' (the pattern reads code points, and an '@' is
   * not one of them), and its start is one the look-behind lets through: where the run before the '@'
   * begins, or right after a code point past the Basic Multilingual Plane in it (the look-behind reads
   * one char back, which is then a surrogate on its own). The leftmost such start is the match's, and
   * the domain is read by {@link #domainEnd}.
   */
  private static long next(String t, int from) {
    for (int at = t.indexOf('@', from); at >= 0; at = t.indexOf('@', at + 1)) {
      int best = -1; // the leftmost start found so far
      int start = at;
      int count = 0; // code points from start to the '@'
      while (true) {
        char c = start > 0 ? t.charAt(start - 1) : '@'; // the text's start ends the run as an '@' would
        // a char that is not a surrogate is its own code point: the usual case, read without the look-up
        boolean surrogate = Character.isSurrogate(c);
        int cp = surrogate ? t.codePointBefore(start) : c;
        if (!(surrogate ? isLocalCodePoint(cp) : isLocalChar(c))) {
          if (count > 0 && start >= from) {
            best = start; // the start of the run
          }
          break;
        }
        if (cp >= Character.MIN_SUPPLEMENTARY_CODE_POINT && count > 0 && start >= from) {
          best = start;
        }
        if (count == 128) {
          break; // a longer local part cannot end at this '@'
        }
        start -= Character.charCount(cp);
        count++;
      }
      if (best < 0) {
        continue;
      }
      int end = domainEnd(t, at + 1);
      if (end >= 0) {
        return (long) best << 32 | end;
      }
    }
    return -1;
  }

  /**
   * Where the domain of {@link #ADDR}, {@code D(?:[D-]{0,62}\.)*D[D-]{0,62}} with {@code D =
   * [\p{L}\p{N}]}, that starts at {@code d} ends, as the pattern's greedy search with backtracking
   * ends it; -1 when there is none. Counted in code points, as the pattern reads them. After the first
   * code point, each repetition of the group takes a run of {@code [D-]} of at most 62 followed by a
   * dot, in the one way it can, as often as it can. The last part is then tried where the
   * repetitions stopped, else (backtracking) where the latest repetition that starts with a {@code D}
   * started, which it takes up to its dot (at most 62 more code points).
   */
  static int domainEnd(String t, int d) {
    int n = t.length();
    if (d >= n || !isLetterOrNumber(t.codePointAt(d))) {
      return -1;
    }
    int p = d + Character.charCount(t.codePointAt(d));
    int lastEnd = -1; // the dot ending the latest repetition that starts with a letter or number
    while (true) {
      int q = p;
      int count = 0;
      while (q < n) {
        int cp = t.codePointAt(q);
        if (cp != '-' && !isLetterOrNumber(cp)) {
          break;
        }
        q += Character.charCount(cp);
        count++;
      }
      boolean startsWithD = count > 0 && t.charAt(p) != '-';
      if (count <= 62 && q < n && t.charAt(q) == '.') {
        if (startsWithD) {
          lastEnd = q;
        }
        p = q + 1;
        continue;
      }
      if (!startsWithD) {
        return lastEnd;
      }
      // the last part: a letter or number and at most 62 more of the run
      int e = p + Character.charCount(t.codePointAt(p));
      for (int k = 0; k < 62 && e < q; k++) {
        e += Character.charCount(t.codePointAt(e));
      }
      return e;
    }
  }

  /** Whether code point {@code cp} is in {@code [\p{L}\p{N}]}. */
  private static boolean isLetterOrNumber(int cp) {
    if (cp < 128) {
      return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
    }
    return Character.isLetter(cp) || (NUMBER_TYPES >> Character.getType(cp) & 1) != 0;
  }

  /** Whether code point {@code cp} is in the local-part class of {@link #ADDR} (a lone surrogate is not). */
  static boolean isLocalCodePoint(int cp) {
    if (cp >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
      return isLetterOrNumber(cp);
    }
    return !Character.isSurrogate((char) cp) && isLocalChar((char) cp);
  }

  /** Whether a char that is not a surrogate is in the local-part class of {@link #ADDR}. */
  static boolean isLocalChar(char c) {
    if (c < 128) {
      return LOCAL_ASCII[c];
    }
    // \p{L} and \p{N}: the letter and number categories
    return Character.isLetter(c) || (NUMBER_TYPES >> Character.getType(c) & 1) != 0;
  }

  static String trim(String a) {
    int start = 0;
    int end = a.length();
    while (start < end && (a.charAt(start) == '.' || a.charAt(start) == '\'')) {
      start++;
    }
    while (end > start && (a.charAt(end - 1) == '.' || a.charAt(end - 1) == '-')) {
      end--;
    }
    return a.substring(start, end);
  }

  static String key(String address) {
    return LowerCase.root(address);
  }

  static String localPart(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? address : address.substring(0, at);
  }

  static String domain(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? "" : LowerCase.root(address.substring(at + 1));
  }

  /** The role local parts, lower-case: {@link Spec#ROLE_LOCAL} matches exactly these, ASCII case aside. */
  private static final String[] ROLE_WORDS = {"abuse", "support", "help", "helpdesk", "noc", "security", "hostmaster",
      "webmaster", "admin", "administrator", "info", "contact", "customerservice", "customer-service", "service"};

  /** Whether the address is a role address people are told to contact (abuse@, support@...). */
  static boolean isRole(String address) {
    int at = address.lastIndexOf('@');
    int end = at < 0 ? address.length() : at;
    for (String w : ROLE_WORDS) {
      if (w.length() == end && Keywords.startsWithAscii(address, 0, w)) {
        return true; // (?i) folds ASCII case only, as startsWithAscii does
      }
    }
    return false;
  }

  /** Whether the address belongs to a mail system rather than a person (MAILER-DAEMON, postmaster...). */
  static boolean isSystem(String address) {
    int at = address.lastIndexOf('@');
    return isSystemLocal(address, at < 0 ? address.length() : at) || address.equalsIgnoreCase("mailer-daemon");
  }

  /** Local parts {@link Spec#SYSTEM_LOCAL} takes as they are (ASCII case aside), lower-case. */
  private static final String[] SYSTEM_WORDS = {
      "poostmaster", "postoffice", "mdaemon", "sysadmin", "nobody", "root", "daemon", "mailmaster", "smtp", "mta", "mail"};

  /**
   * {@code SYSTEM_LOCAL.matcher(s.substring(0, end)).matches()}, without the copy or the matcher: the
   * pattern folds ASCII case only ({@link #at}), each optional separator comes before a letter (so it
   * is taken when there), and the one {@code .*} takes any chars but line terminators.
   */
  static boolean isSystemLocal(String s, int end) {
    for (String w : SYSTEM_WORDS) {
      if (end == w.length() && at(s, 0, end, w) == end) {
        return true;
      }
    }
    int i;
    if ((i = at(s, 0, end, "mail")) >= 0) {
      if ((i = at(s, i, end, "er")) < 0) {
        i = 4; // mail[-_.]?...
      }
      int j = separator(s, i, end);
      if (at(s, j, end, "daemon") == end) {
        return true;
      }
      if (i == 4) {
        int k = at(s, j, end, "delivery");
        if (k >= 0) {
          k = separator(s, k, end);
          int sub = at(s, k, end, "sub");
          return at(s, sub >= 0 ? sub : k, end, "system") == end || sub >= 0 && at(s, k, end, "system") == end;
        }
        k = at(s, j, end, "admin");
        return k == end || k >= 0 && at(s, k, end, "istrator") == end;
      }
      return false;
    }
    if ((i = at(s, 0, end, "post")) >= 0) {
      return at(s, separator(s, i, end), end, "master") == end;
    }
    if ((i = at(s, 0, end, "bounce")) >= 0) {
      if (i == end || at(s, i, end, "-notification") == end || at(s, i, end, "notification") == end) {
        return true;
      }
      if (at(s, i, end, "s") >= 0) {
        i++;
        if (i == end) {
          return true;
        }
      }
      char c = s.charAt(i);
      return (c == '-' || c == '+' || c == '.') && noLineTerminator(s, i + 1, end);
    }
    if ((i = at(s, 0, end, "no")) >= 0) {
      return at(s, at(s, i, end, "-") >= 0 ? i + 1 : i, end, "reply") == end;
    }
    if ((i = at(s, 0, end, "do")) >= 0) {
      i = at(s, at(s, i, end, "-") >= 0 ? i + 1 : i, end, "not");
      return i >= 0 && at(s, at(s, i, end, "-") >= 0 ? i + 1 : i, end, "reply") == end;
    }
    if ((i = at(s, 0, end, "email")) >= 0) {
      return at(s, at(s, i, end, "-") >= 0 ? i + 1 : i, end, "admin") == end;
    }
    return false;
  }

  /**
   * The index after lower-case ASCII {@code w} at {@code i} of {@code s} (ending at {@code end}), or
   * -1; an ASCII capital stands for its letter, no other char does ({@code (?i)} without Unicode case).
   */
  private static int at(String s, int i, int end, String w) {
    int n = w.length();
    if (i < 0 || end - i < n) {
      return -1;
    }
    for (int j = 0; j < n; j++) {
      char c = s.charAt(i + j);
      if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != w.charAt(j)) {
        return -1;
      }
    }
    return i + n;
  }

  /** {@code i} past one of {@code [-_.]} at {@code i}, when one is there. */
  private static int separator(String s, int i, int end) {
    if (i < end) {
      char c = s.charAt(i);
      if (c == '-' || c == '_' || c == '.') {
        return i + 1;
      }
    }
    return i;
  }

  /** Whether {@code s} from {@code i} to {@code end} has no char a regex '.' leaves out. */
  private static boolean noLineTerminator(String s, int i, int end) {
    for (; i < end; i++) {
      char c = s.charAt(i);
      if (Smtp.isLineEnd(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The regular expressions that specify what this class's hand-written matchers match (the tests
   * check most matchers against their expression). Held in a class of their own so that no
   * analysis compiles them (a run of the CLI would, at every start).
   */
  static final class Spec {

    private Spec() {}

    /** The local parts of role addresses, as {@link Addresses#isRole} reads them by hand. */
    static final Pattern ROLE_LOCAL = Pattern.compile(
        "(?i)^(abuse|support|help|helpdesk|noc|security|hostmaster|webmaster|admin|administrator|info|contact|"
            + "customer-?service|service)$");

    /** The local parts of mail systems' addresses, as {@link Addresses#isSystemLocal} reads them by hand. */
    static final Pattern SYSTEM_LOCAL = Pattern.compile(
        "(?i)^(mailer[-_.]?daemon|mail[-_.]?daemon|post[-_.]?master|poostmaster|postoffice|mdaemon|"
            + "mail[-_.]?delivery[-_.]?(sub)?system|mail[-_.]?administrator|mail[-_.]?admin|sysadmin|"
            + "bounces?([-+.].*)?|bounce-?notification|no-?reply|do-?not-?reply|nobody|root|daemon|mailmaster|"
            + "email-?admin|smtp|mta|mail)$");
  }
}
