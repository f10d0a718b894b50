package io.maildiag.ndr.parse;

/**
 * Hand-written {@code lookingAt()} of the sentence anchors of {@link TextScanner} ({@link
 * TextScanner#SENTENCES} and {@link TextScanner#P_RCPT}) at one start of a line. Where {@code \b}
 * would read a char outside ASCII (a letter, digit or mark there is a word char), or a local part
 * holds a surrogate (the pattern reads code points), the answer is {@link #UNSURE}; elsewhere
 * ASCII letters, digits and "_" are the word chars, and {@code (?i)} compares ASCII letters only. Between their words the patterns have {@code \s+}
 * or a colon and {@code \s*}, each followed by a char those cannot take, so they match in one way;
 * only the lazy gap after the first word ({@code [^<@\n]{0,60}?}) is tried from short to long,
 * and the first word's optional endings in the pattern's order. The address of each pattern ends
 * it (but for "RCPT TO"'s {@code >}), so it ends where {@link Addresses#domainEnd} says.
 *
 * <p>A match is packed as where the address starts (high half) and ends (low half).
 */
final class SentenceMatchers {
  private SentenceMatchers() {}

  /** No match at this start. */
  static final long NO = -1;
  /** Not decided here: run the pattern. */
  static final long UNSURE = -2;

  /** The first words of {@code SENTENCES[0]} in the pattern's order, each whole ({@code \b} after it). */
  private static final String[] SEND_WORDS = {"delivered", "delivering", "delivery", "deliver", "undeliverable",
      "addressed", "send", "sent", "sending", "relayed", "relaying", "relay", "forwarded", "forwarding", "forward",
      "transmitted", "transmitting", "transmit", "reach"};
  /** The first words of {@code SENTENCES[1]} in the pattern's order. */
  private static final String[] RECIPIENT_WORDS = {"recipients", "recipient", "recipient(s)", "addressee", "mailbox",
      "mailboxes", "mailbox", "user", "addresses", "address"};
  /** The longest gap between the first word and what follows it. */
  private static final int GAP = 60;

  /** Where the address starts in a match. */
  static int start(long match) {
    return (int) (match >>> 32);
  }

  /** Where the address ends in a match. */
  static int end(long match) {
    return (int) match;
  }

  /**
   * {@code SENTENCES[k].matcher(s).region(at, n).lookingAt()} (with transparent bounds) for {@code k}
   * 0 to 3, and {@link TextScanner#P_RCPT}'s for {@code k} 4: the match, {@link #NO} or {@link
   * #UNSURE} (also where "RCPT TO"'s address is not followed by its {@code >}).
   */
  static long at(int k, String s, int at) {
    int b = boundary(s, at);
    if (b != 1) {
      return b == 0 ? NO : UNSURE; // every pattern starts with \b and a letter
    }
    switch (k) {
      case 0:
        return afterWord(s, at, SEND_WORDS, true);
      case 1:
        return afterWord(s, at, RECIPIENT_WORDS, false);
      case 2: {
        int e = words(s, at, "message");
        int g = e >= 0 ? spaces(s, e) : -1;
        if (g < 0) {
          return NO;
        }
        int w = Keywords.startsWithAscii(s, g, "to") ? g + 2 : Keywords.startsWithAscii(s, g, "for") ? g + 3 : -1;
        return w >= 0 ? quotedAddress(s, spaces(s, w)) : NO;
      }
      case 3: {
        int e = words(s, at, "rejected");
        int g = e >= 0 ? spaces(s, e) : -1;
        if (g < 0) {
          return NO;
        }
        for (String w : new String[] {"recipient", "address", "your message to"}) {
          if (Keywords.startsWithAscii(s, g, w)) {
            return quotedAddress(s, spaces(s, g + w.length())); // no word is the start of another
          }
        }
        return NO;
      }
      default:
        return rcpt(s, at);
    }
  }

  /**
   * The first words' patterns: one of {@code words} that ends at a {@code \b}, then the lazy gap
   * of at most {@link #GAP} chars other than "<", "@" and newline, then what {@link #sendTail} or
   * {@link #recipientTail} reads.
   */
  private static long afterWord(String s, int at, String[] words, boolean send) {
    for (String w : words) {
      if (!Keywords.startsWithAscii(s, at, w)) {
        continue;
      }
      int b = boundary(s, at + w.length());
      if (b != 1) {
        if (b < 0) {
          return UNSURE;
        }
        continue;
      }
      int e = at + w.length();
      for (int q = e; q <= s.length() && q - e <= GAP; q++) {
        if (q > e && isGapStop(s.charAt(q - 1))) {
          break;
        }
        long m = send ? sendTail(s, q) : recipientTail(s, q);
        if (m != NO) {
          return m;
        }
      }
    }
    return NO;
  }

  /** {@code \b(?:to|for)\b:?\s+[<"]?(ADDR)} at {@code q}. */
  private static long sendTail(String s, int q) {
    int w = Keywords.startsWithAscii(s, q, "to") ? q + 2 : Keywords.startsWithAscii(s, q, "for") ? q + 3 : -1;
    if (w < 0) {
      return NO;
    }
    int before = boundary(s, q);
    int after = boundary(s, w);
    if (before != 1 || after != 1) {
      return before < 0 || after < 0 ? UNSURE : NO;
    }
    if (w < s.length() && s.charAt(w) == ':') {
      w++;
    }
    return quotedAddress(s, spaces(s, w));
  }

  /** {@code (?::\s*|\s)[<"]?(ADDR)} at {@code q}. */
  private static long recipientTail(String s, int q) {
    if (q >= s.length()) {
      return NO;
    }
    char c = s.charAt(q);
    if (c == ':') {
      return quotedAddress(s, Keywords.skipSpace(s, q + 1));
    }
    return Keywords.isSpace(c) ? quotedAddress(s, q + 1) : NO;
  }

  /** {@code \bRCPT\s+TO\s*:\s*<(ADDR)>} at {@code at}. */
  private static long rcpt(String s, int at) {
    int e = words(s, at, "rcpt");
    int g = e >= 0 ? spaces(s, e) : -1;
    if (g < 0 || !Keywords.startsWithAscii(s, g, "to")) {
      return NO;
    }
    int c = Keywords.skipSpace(s, g + 2);
    if (c >= s.length() || s.charAt(c) != ':') {
      return NO;
    }
    int a = Keywords.skipSpace(s, c + 1);
    if (a >= s.length() || s.charAt(a) != '<') {
      return NO;
    }
    long m = address(s, a + 1);
    if (m < 0) {
      return m;
    }
    int end = end(m);
    return end < s.length() && s.charAt(end) == '>' ? m : UNSURE; // a shorter domain would be followed by a domain char
  }

  /** {@code [<"]?(ADDR)} at {@code k}, or {@link #NO}; -1 for {@code k} gives {@link #NO}. */
  private static long quotedAddress(String s, int k) {
    if (k < 0 || k >= s.length()) {
      return NO;
    }
    char c = s.charAt(k);
    return address(s, c == '<' || c == '"' ? k + 1 : k);
  }

  /**
   * {@link Addresses#ADDR} at {@code a}: a run of 1 to 128 local-part chars up to an "@", then the
   * domain as the pattern ends it.
   */
  private static long address(String s, int a) {
    int k = a;
    // no further than one past the longest local part: a longer run has no "@" where one may be
    while (k < s.length() && k - a <= 128 && Addresses.isLocalChar(s.charAt(k))) {
      k++;
    }
    if (k < s.length() && Character.isSurrogate(s.charAt(k))) {
      return UNSURE; // a code point outside the BMP may be a letter
    }
    if (k == a || k - a > 128 || k >= s.length() || s.charAt(k) != '@') {
      return NO;
    }
    int e = Addresses.domainEnd(s, k + 1);
    return e < 0 ? NO : (long) a << 32 | e;
  }

  /** Whether {@code \b} holds at {@code i}: 1 if so, 0 if not, -1 when a char next to it is outside ASCII. */
  private static int boundary(String s, int i) {
    char l = i > 0 ? s.charAt(i - 1) : ' ';
    char r = i < s.length() ? s.charAt(i) : ' ';
    if (l >= 128 || r >= 128) {
      return -1;
    }
    return Keywords.isAsciiWordChar(l) != Keywords.isAsciiWordChar(r) ? 1 : 0;
  }

  /** The chars the gap {@code [^<@\n]} cannot take. */
  private static boolean isGapStop(char c) {
    return c == '<' || c == '@' || c == '\n';
  }

  /** Where {@code \s+} that starts at {@code k} ends, or -1. */
  private static int spaces(String s, int k) {
    int e = Keywords.skipSpace(s, k);
    return e > k ? e : -1;
  }

  /** Where the word {@code w} ends when it is at {@code k}, or -1. */
  private static int words(String s, int k, String w) {
    return Keywords.startsWithAscii(s, k, w) ? k + w.length() : -1;
  }
}
