package io.maildiag.ndr.parse;

/**
 * Hand-written {@code matches()} of the anchor patterns of {@link TextScanner} that start with
 * the address or just before it: {@link TextScanner#P_BARE}, {@link TextScanner#P_ADDR_COLON},
 * {@link TextScanner#P_REPLY_ADDR}, {@link TextScanner#P_ADDR_COLON2}, {@link TextScanner#P_LEAD}
 * and {@link TextScanner#P_TO}. Each reads an ASCII address; where a character outside
 * ASCII could change the answer (a letter of the local part or the domain, a line terminator in the
 * rest) or where the pattern would backtrack into a rare corner, the answer is {@link #UNSURE} and
 * the caller runs the pattern.
 *
 * <p>A match is packed in a long: where the address starts ({@link #start}), where it ends
 * ({@link #end}) and where the rest of the line after it starts ({@link #rest}, the line's length
 * when the pattern has no rest group). Lines are at most 600 chars (the scanner reads a longer one
 * through its first 600, {@link TextScanner#MAX_ANCHOR_LINE}),
 * so each fits in 16 bits.
 */
final class AnchorMatchers {
  private AnchorMatchers() {}

  /** The pattern does not match. */
  static final long NO = -1;
  /** Not decided here: run the pattern. */
  static final long UNSURE = -2;
  /** The longest line the packing holds. */
  static final int MAX_LENGTH = 0xFFFF;

  /** Where the address of a match starts. */
  static int start(long match) {
    return (int) (match >>> 32) & 0xFFFF;
  }

  /** Where the address of a match ends. */
  static int end(long match) {
    return (int) (match >>> 16) & 0xFFFF;
  }

  /** Where the rest group of a match starts (it runs to the line's end). */
  static int rest(long match) {
    return (int) match & 0xFFFF;
  }

  private static long match(int start, int end, int rest) {
    return (long) start << 32 | (long) end << 16 | rest;
  }
  /**
   * The labels of {@link TextScanner#P_LABEL} in the pattern's order, each optional piece written
   * out (with it first, as the pattern tries it); a space stands for {@code \s+}, and in "rcpt to"
   * (only) for {@code \s*}. The label with "\u00e4" is left out: a line with it is not ASCII.
   */
  private static final String[] LABELS = {"recipient address", "recipient", "recipients", "recipient",
      "failed recipientes", "failed recipient", "failed addresses", "failed address", "invalid recipient",
      "invalid final delivery userid", "unknown recipient", "unknown user", "bad address", "address", "rcpt to", "rcpt",
      "envelope-to", "delivered-to", "destinataire", "empfaenger", "delivery failed", "error-for", "your message to"};

  /**
   * {@link TextScanner#P_LABEL}: {@code LABEL\s*:\s*(?:rfc822\s*;\s*)?[<"]?(ADDR)[>"]?\s*(.*)$} on an
   * ASCII line without a CR ({@link #UNSURE} otherwise): each label and the two ways after its colon
   * (with "rfc822;", then without) are tried in the pattern's order. Without a line terminator the
   * rest always matches, so the address ends where the domain's greedy search ends it.
   */
  static long label(String s) {
    int n = s.length();
    if (n > MAX_LENGTH) {
      return UNSURE;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 128 || c == '\r' || c == '\n') {
        return UNSURE;
      }
    }
    for (String label : LABELS) {
      int k = labelEnd(s, label);
      if (k < 0) {
        continue;
      }
      if (label.equals("delivery failed")) {
        k = attemptsEnd(s, k);
      }
      k = Keywords.skipSpace(s, k);
      if (k >= n || s.charAt(k) != ':') {
        continue;
      }
      k = Keywords.skipSpace(s, k + 1);
      if (Keywords.startsWithAscii(s, k, "rfc822")) {
        int semi = Keywords.skipSpace(s, k + 6);
        if (semi < n && s.charAt(semi) == ';') {
          long m = labelAddress(s, Keywords.skipSpace(s, semi + 1));
          if (m >= 0) {
            return m;
          }
        }
      }
      long m = labelAddress(s, k);
      if (m >= 0) {
        return m;
      }
    }
    return NO;
  }

  /**
   * After "delivery failed" at {@code k}: where {@code \s+\d{1,4}\s+attempts?} ends when it follows
   * ("Delivery failed 20 attempts: addr"), else {@code k}. Either way a colon must come next, and a
   * digit is no colon: only one of the two ways can lead to a match.
   */
  private static int attemptsEnd(String s, int k) {
    int d = Keywords.skipSpace(s, k);
    int e = d;
    while (e < s.length() && e - d < 4 && Smtp.isDigit(s.charAt(e))) {
      e++;
    }
    int w = Keywords.skipSpace(s, e);
    if (d == k || e == d || w == e || !Keywords.startsWithAscii(s, w, "attempt")) {
      return k;
    }
    w += 7;
    return w < s.length() && (s.charAt(w) == 's' || s.charAt(w) == 'S') ? w + 1 : w;
  }

  /** Where {@code label} (see {@link #LABELS}) ends when it starts {@code s}, or -1. */
  private static int labelEnd(String s, String label) {
    int k = 0;
    int from = 0;
    for (int sp = label.indexOf(' '); ; sp = label.indexOf(' ', from)) {
      String word = sp < 0 ? label.substring(from) : label.substring(from, sp);
      if (!Keywords.startsWithAscii(s, k, word)) {
        return -1;
      }
      k += word.length();
      if (sp < 0) {
        return k;
      }
      int after = Keywords.skipSpace(s, k);
      if (after == k && !label.startsWith("rcpt")) {
        return -1; // \s+
      }
      k = after;
      from = sp + 1;
    }
  }

  /** {@code [<"]?(ADDR)[>"]?\s*(.*)$} at {@code p} of an ASCII line without a line terminator. */
  private static long labelAddress(String s, int p) {
    int n = s.length();
    int a = p < n && (s.charAt(p) == '<' || s.charAt(p) == '"') ? p + 1 : p;
    int at = localPartEnd(s, a);
    if (at < 0) {
      return NO;
    }
    int e = Addresses.domainEnd(s, at + 1);
    if (e < 0) {
      return NO;
    }
    int r = e < n && (s.charAt(e) == '>' || s.charAt(e) == '"') ? e + 1 : e;
    return match(a, e, Keywords.skipSpace(s, r));
  }


  /**
   * {@link TextScanner#P_BARE}: {@code ^[<"(\[]?\s*(ADDR)\s*[>")\]]?\s*EXPANDED[:;,.]?\s*$}. The
   * address starts after the one optional bracket and the spaces; its local part runs to the first
   * "@". What may follow the domain starts with a space, a bracket, "(" or punctuation, of which
   * only "." can be in a domain: so the domain ends where the run of domain chars ends, or one
   * before, at a final "." followed by nothing but spaces.
   */
  static long bare(String s) {
    int n = s.length();
    if (n > MAX_LENGTH) {
      return UNSURE;
    }
    int i = n > 0 && "<\"([".indexOf(s.charAt(0)) >= 0 ? 1 : 0;
    i = Keywords.skipSpace(s, i);
    int at = localPartEnd(s, i);
    if (at < 0) {
      return at;
    }
    int runEnd = domainRunEnd(s, at + 1);
    if (runEnd == UNSURE_INT) {
      return UNSURE;
    }
    if (domainIs(s, at + 1, runEnd) && bareTail(s, runEnd)) {
      return match(i, runEnd, n);
    }
    if (runEnd - 1 > at + 1 && s.charAt(runEnd - 1) == '.' && domainIs(s, at + 1, runEnd - 1)
        && bareTail(s, runEnd - 1)) {
      return match(i, runEnd - 1, n);
    }
    return NO;
  }

  /**
   * {@link TextScanner#P_ADDR_COLON}: {@code ^[<"](ADDR)[>"]\s*EXPANDED:\s*(.+)$}. The closing
   * bracket or quote is no domain char: the domain is the whole run of them.
   */
  static long addrColon(String s) {
    int n = s.length();
    if (n > MAX_LENGTH || n == 0 || s.charAt(0) != '<' && s.charAt(0) != '"') {
      return n > MAX_LENGTH ? UNSURE : NO;
    }
    int at = localPartEnd(s, 1);
    if (at < 0) {
      return at;
    }
    int e = domainRunEnd(s, at + 1);
    if (e == UNSURE_INT) {
      return UNSURE;
    }
    if (e >= n || s.charAt(e) != '>' && s.charAt(e) != '"' || !domainIs(s, at + 1, e)) {
      return NO;
    }
    int p = expanded(s, Keywords.skipSpace(s, e + 1));
    if (p < 0 || p >= n || s.charAt(p) != ':') {
      return NO;
    }
    int q = Keywords.skipSpace(s, p + 1);
    // all spaces after the colon: ".+" would take some back (rare)
    return q == n ? UNSURE : restToEnd(s, match(1, e, q));
  }

  /**
   * {@link TextScanner#P_REPLY_ADDR}:
   * {@code ^([245]\d\d)(?:[ -]#?[245]\.\d{1,3}\.\d{1,3})?[ \t]+<(ADDR)>(?:\.\.\.|:)\s*(.*)$}. The
   * optional enhanced code is taken when it is there: left out, the spaces after the reply code
   * would have to reach the "<", and its "#" or digit is in the way; a shorter run of its digits
   * leaves a digit where a space or tab must come.
   */
  static long replyAddr(String s) {
    int n = s.length();
    if (n > MAX_LENGTH) {
      return UNSURE;
    }
    if (n < 4 || !Smtp.isClassDigit(s.charAt(0)) || !Smtp.isDigit(s.charAt(1)) || !Smtp.isDigit(s.charAt(2))) {
      return NO;
    }
    int p = enhancedAfterReply(s, 3);
    int q = p;
    while (q < n && (s.charAt(q) == ' ' || s.charAt(q) == '\t')) {
      q++;
    }
    if (q == p || q >= n || s.charAt(q) != '<') {
      return NO;
    }
    int at = localPartEnd(s, q + 1);
    if (at < 0) {
      return at;
    }
    int e = domainRunEnd(s, at + 1);
    if (e == UNSURE_INT) {
      return UNSURE;
    }
    if (e >= n || s.charAt(e) != '>' || !domainIs(s, at + 1, e)) {
      return NO;
    }
    int r;
    if (s.startsWith("...", e + 1)) {
      r = e + 4;
    } else if (e + 1 < n && s.charAt(e + 1) == ':') {
      r = e + 2;
    } else {
      return NO;
    }
    return restToEnd(s, match(q + 1, e, Keywords.skipSpace(s, r)));
  }

  /**
   * {@link TextScanner#P_ADDR_COLON2}: {@code ^(ADDR)\s*EXPANDED:\s+(.+)$}. What follows the
   * domain starts with a space, "(" or the colon, none of them a domain char: the domain is the
   * whole run of them.
   */
  static long addrColon2(String s) {
    int n = s.length();
    if (n > MAX_LENGTH) {
      return UNSURE;
    }
    int at = localPartEnd(s, 0);
    if (at < 0) {
      return at;
    }
    int e = domainRunEnd(s, at + 1);
    if (e == UNSURE_INT) {
      return UNSURE;
    }
    if (!domainIs(s, at + 1, e)) {
      return NO;
    }
    int p = expanded(s, Keywords.skipSpace(s, e));
    if (p < 0 || p >= n || s.charAt(p) != ':' || p + 1 >= n || !Keywords.isSpace(s.charAt(p + 1))) {
      return NO;
    }
    int q = Keywords.skipSpace(s, p + 1);
    // all spaces after the colon: ".+" would take some back (rare)
    return q == n ? UNSURE : restToEnd(s, match(0, e, q));
  }

  /**
   * {@link TextScanner#P_LEAD}: {@code ^<?(ADDR)>?(?:\s+|\.\.\.|<mailto:|\s*\()(.*)$}. What follows
   * the domain starts with ">", a space, "<", "(" or "...": the domain is the whole run of domain
   * chars, or (backtracking, from the longest) ends where "..." starts in the run.
   */
  static long lead(String s) {
    int n = s.length();
    if (n > MAX_LENGTH) {
      return UNSURE;
    }
    int i = n > 0 && s.charAt(0) == '<' ? 1 : 0;
    int at = localPartEnd(s, i);
    if (at < 0) {
      return at;
    }
    int d = at + 1;
    int runEnd = domainRunEnd(s, d);
    if (runEnd == UNSURE_INT) {
      return UNSURE;
    }
    for (int e = runEnd; e > d; e = s.lastIndexOf("...", e - 1)) {
      if (domainIs(s, d, e)) {
        int r = leadRest(s, e);
        if (r >= 0) {
          return restToEnd(s, match(i, e, r));
        }
      }
    }
    return NO;
  }

  /** The labels of {@link TextScanner#P_TO}, lower-case, in the pattern's order. */
  private static final String[] TO_LABELS = {"to", "an", "para", "a"};

  /**
   * {@link TextScanner#P_TO}:
   * {@code (?i)^(?:to|an|para|a)\s*:\s*(?:"[^"]*"\s*|[^<",]*\s|[^<",]*(?=<))?<?(ADDR)>?\s*$}. The
   * address ends before the final spaces and an optional ">", and its "@" is the last before that. A
   * name before it ends at a "<" or at white space, so the address starts after the first "<" of the
   * line, or else after its last white space before the "@", or else right after the label. Lines
   * with a quote or a comma before the "@" are left to the pattern.
   */
  static long to(String s) {
    int n = s.length();
    if (n > MAX_LENGTH) {
      return UNSURE;
    }
    int colon = toColon(s);
    if (colon < 0) {
      return NO;
    }
    int p = Keywords.skipSpace(s, colon + 1);
    int e = n;
    while (e > 0 && Keywords.isSpace(s.charAt(e - 1))) {
      e--;
    }
    if (e > 0 && s.charAt(e - 1) == '>') {
      e--;
    }
    int at = e > 0 ? s.lastIndexOf('@', e - 1) : -1;
    if (at <= p) {
      return NO; // no "@", or no room for a local part after the label
    }
    int run = domainRunEnd(s, at + 1);
    if (run == UNSURE_INT) {
      return UNSURE;
    }
    if (run < e || !domainIs(s, at + 1, e)) {
      return NO;
    }
    int r = p;
    while (r < at && s.charAt(r) != '<' && s.charAt(r) != '"' && s.charAt(r) != ',') {
      r++;
    }
    if (r < at && s.charAt(r) != '<') {
      return UNSURE; // a quoted name or a list: rare, the pattern decides
    }
    if (r < at) {
      return localPartFrom(s, r + 1, at, e); // the name ends at the "<"
    }
    int y = p;
    for (int k = at - 1; k > p; k--) {
      if (Keywords.isSpace(s.charAt(k))) { // a name without "<" ends at white space before the address
        y = k + 1;
        break;
      }
    }
    return localPartFrom(s, y, at, e);
  }

  /** Where the colon after a label of {@link TextScanner#P_TO} and {@code \s} characters is, or -1. */
  static int toColon(String s) {
    for (String w : TO_LABELS) {
      if (Keywords.startsWithAscii(s, 0, w)) {
        int k = Keywords.skipSpace(s, w.length());
        if (k < s.length() && s.charAt(k) == ':') {
          return k;
        }
      }
    }
    return -1;
  }

  /**
   * The match whose address runs from {@code y} to {@code e} with its "@" at {@code at}, when
   * {@code [y, at)} is a local part (1 to 128 local-part chars); else {@link #NO}, or {@link #UNSURE}
   * at a char outside ASCII.
   */
  private static long localPartFrom(String s, int y, int at, int e) {
    if (y >= at || at - y > 128) {
      return NO;
    }
    for (int k = y; k < at; k++) {
      char c = s.charAt(k);
      if (c >= 128) {
        return UNSURE;
      }
      if (!Addresses.isLocalChar(c)) {
        return NO;
      }
    }
    return match(y, e, s.length());
  }

  /**
   * Where the rest of {@link TextScanner#P_LEAD} starts after an address that ends at {@code e}:
   * after {@code >?} and the first of {@code \s+}, {@code ...}, {@code <mailto:} and
   * {@code \s*\(} that matches; -1 when none does. A ">" there is taken: left, none of them
   * matches at it.
   */
  private static int leadRest(String s, int e) {
    int n = s.length();
    int k = e < n && s.charAt(e) == '>' ? e + 1 : e;
    if (k >= n) {
      return -1;
    }
    char c = s.charAt(k);
    if (Keywords.isSpace(c)) {
      return Keywords.skipSpace(s, k);
    }
    if (s.startsWith("...", k)) {
      return k + 3;
    }
    if (s.startsWith("<mailto:", k)) {
      return k + 8;
    }
    return c == '(' ? k + 1 : -1;
  }

  /**
   * Where the optional {@code [ -]#?[245]\.\d{1,3}\.\d{1,3}} that may start at {@code p} ends, or
   * {@code p} when it is not there.
   */
  private static int enhancedAfterReply(String s, int p) {
    int n = s.length();
    if (p >= n || s.charAt(p) != ' ' && s.charAt(p) != '-') {
      return p;
    }
    int k = p + 1;
    if (k < n && s.charAt(k) == '#') {
      k++;
    }
    int e = Smtp.enhancedCodeEnd(s, k, n);
    return e < 0 ? p : e;
  }

  /**
   * The match itself when the rest group ({@code (.+)$} or {@code (.*)$}) runs from its start to
   * the end: so it does when the rest holds no line terminator. One there ends {@code .}; it is
   * left to the pattern.
   */
  private static long restToEnd(String s, long match) {
    for (int k = rest(match); k < s.length(); k++) {
      char c = s.charAt(k);
      if (Smtp.isLineEnd(c)) {
        return UNSURE;
      }
    }
    return match;
  }

  /**
   * Whether what follows the address of {@link TextScanner#P_BARE} from {@code p} matches
   * {@code \s*[>")\]]?\s*EXPANDED[:;,.]?\s*$}.
   */
  private static boolean bareTail(String s, int p) {
    int n = s.length();
    int k = Keywords.skipSpace(s, p);
    if (k < n && ">\")]".indexOf(s.charAt(k)) >= 0) {
      k++;
    }
    k = expanded(s, Keywords.skipSpace(s, k));
    if (k < 0) {
      return false;
    }
    if (k < n && ":;,.".indexOf(s.charAt(k)) >= 0) {
      k++;
    }
    return Keywords.skipSpace(s, k) == n;
  }

  /**
   * After the optional {@code \((?:expanded|generated|alias(?:ed)?) from[^)]*\)\s*} at {@code p}:
   * where it ends, {@code p} when no such note starts there, -1 when one starts but is not closed
   * (what follows cannot match either then: it starts with "(").
   */
  private static int expanded(String s, int p) {
    if (p >= s.length() || s.charAt(p) != '(') {
      return p;
    }
    if (!(s.startsWith("expanded from", p + 1) || s.startsWith("generated from", p + 1)
        || s.startsWith("alias from", p + 1) || s.startsWith("aliased from", p + 1))) {
      return p;
    }
    int close = s.indexOf(')', p);
    return close < 0 ? -1 : Keywords.skipSpace(s, close + 1);
  }

  /** {@link #domainRunEnd}'s answer when a char outside ASCII ends or is in the run. */
  private static final int UNSURE_INT = -2;

  /**
   * Where the "@" that ends a local part started at {@code from} is: the local part is the run of
   * local-part chars from there, 1 to 128 long, up to the first "@". {@link #NO} (as an int) when
   * there is none; {@code (int) UNSURE} at a char outside ASCII, which may be a letter.
   */
  private static int localPartEnd(String s, int from) {
    int n = s.length();
    int k = from;
    while (k < n) {
      char c = s.charAt(k);
      if (c >= 128) {
        return (int) UNSURE;
      }
      if (!Addresses.isLocalChar(c)) {
        break;
      }
      k++;
    }
    return k == from || k - from > 128 || k >= n || s.charAt(k) != '@' ? (int) NO : k;
  }

  /**
   * Where the run of ASCII domain chars ({@code [A-Za-z0-9.-]}) from {@code d} ends, or {@link
   * #UNSURE_INT} when a char outside ASCII ends it (it may be a letter or number).
   */
  private static int domainRunEnd(String s, int d) {
    int n = s.length();
    int k = d;
    while (k < n) {
      char c = s.charAt(k);
      if (c >= 128) {
        return UNSURE_INT;
      }
      if (!(isAlnum(c) || c == '-' || c == '.')) {
        break;
      }
      k++;
    }
    return k;
  }

  /**
   * Whether {@code s[d, e)}, ASCII domain chars, is a domain of {@link Addresses#ADDR}:
   * {@code D(?:[D-]{0,62}\.)*D[D-]{0,62}}. Its dots split it one way: a first label of 1 to 63
   * chars that starts with a letter or digit, labels of at most 62 between, and a last label of 1 to
   * 63 that starts with a letter or digit; without a dot, 2 to 64 chars whose first two are
   * letters or digits.
   */
  static boolean domainIs(String s, int d, int e) {
    int firstDot = s.indexOf('.', d);
    if (firstDot < 0 || firstDot >= e) {
      int len = e - d;
      return len >= 2 && len <= 64 && isAlnum(s.charAt(d)) && isAlnum(s.charAt(d + 1));
    }
    if (firstDot == d || firstDot - d > 63 || !isAlnum(s.charAt(d))) {
      return false;
    }
    int from = firstDot + 1;
    while (true) {
      int dot = s.indexOf('.', from);
      if (dot < 0 || dot >= e) {
        int len = e - from;
        return len >= 1 && len <= 63 && isAlnum(s.charAt(from));
      }
      if (dot - from > 62) {
        return false;
      }
      from = dot + 1;
    }
  }

  private static boolean isAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

}
