package io.maildiag.ndr.parse;

import org.jspecify.annotations.Nullable;

/**
 * {@link SmtpStage#EXPLICIT} read by hand at one start ({@code lookingAt} with transparent bounds):
 * its alternatives are words that {@code \s+} separates, each word compared with ASCII case
 * ignored, as {@code (?i)} compares. Between two words {@code \s+} takes all the spaces (a word
 * starts with a letter), and the alternatives of each group start with different words, so each
 * alternative matches in one way or not at all. Where {@code \b} would read a character outside
 * ASCII (a letter or a mark there may be a word character), the answer is {@link SmtpStage#UNSURE}.
 */
final class StageWords {
  private StageWords() {}

  /** The group alternatives after "in reply to (the)", each followed by {@code \s+command}. */
  private static final String[][] IN_REPLY = {{"mail", "from"}, {"rcpt", "to"}, {"end", "of", "data"}, {"data"},
      {"bdat"}, {"helo"}, {"ehlo"}, {"lhlo"}};
  /** The group alternatives after "after (pipelined)", each followed by {@code \b}. */
  private static final String[][] AFTER = {{"mail", "from"}, {"rcpt", "to"}, {"end", "of", "data"}, {"data"},
      {"initial", "connection"}, {"helo"}, {"ehlo"}};
  /** The group alternatives after "while sending". */
  private static final String[][] WHILE_SENDING = {{"mail", "from"}, {"rcpt", "to"}, {"end", "of", "data"},
      {"data", "command"}, {"message", "body"}};
  /** qmail's phrases, the pattern's fourth group. */
  private static final String[][] QMAIL = {{"does", "not", "like", "recipient"}, {"sender", "was", "rejected"},
      {"my", "name", "was", "rejected"}, {"greeting", "failed"}, {"failed", "on", "data", "command"},
      {"failed", "after", "i", "sent", "the", "message"}, {"refused", "to", "talk", "to", "me"}};
  /** The bracketed names, the pattern's fifth group. */
  private static final String[] BRACKETED = {"rcpt_to", "mail_from", "data"};
  /** The group alternatives after "for", each followed by {@code \s+command}. */
  private static final String[][] FOR = {{"rcpt", "to"}, {"mail", "from"}, {"data"}, {"text"}};
  /** The group alternatives of the last alternative, after "after", each followed by {@code \s+command}. */
  private static final String[][] AFTER_COMMAND = {{"rcpt"}, {"mail"}, {"data"}};
  private static final String[] COMMAND = {"command"};

  /**
   * The match of {@link SmtpStage#EXPLICIT} at {@code p} of {@code t}: its stage and end, null
   * when none, or {@link SmtpStage#UNSURE}.
   */
  static SmtpStage.@Nullable Hit at(String t, int p) {
    if (p < t.length() && t.charAt(p) == '[') {
      return bracketed(t, p); // \[(RCPT_TO|MAIL_FROM|DATA)\]: no other alternative starts so
    }
    if (p > 0 && t.charAt(p - 1) >= 128) {
      return SmtpStage.UNSURE; // \b at p
    }
    boolean bound = p == 0 || !Keywords.isAsciiWordChar(t.charAt(p - 1));
    // in\s+reply\s+to\s+(?:the\s+)?(...)\s+command
    int k = words(t, p, "in", "reply", "to");
    if (k >= 0) {
      int g = spaces(t, k);
      if (g >= 0) {
        int the = words(t, g, "the");
        int afterThe = the >= 0 ? spaces(t, the) : -1;
        SmtpStage.Hit h = afterThe >= 0 ? groupThenCommand(t, afterThe, IN_REPLY, 1) : null;
        if (h == null) {
          h = groupThenCommand(t, g, IN_REPLY, 1);
        }
        if (h != null) {
          return h;
        }
      }
    }
    if (!bound) {
      return null; // every other alternative but the bracketed one starts with \b and a letter
    }
    // \bafter\s+(?:pipelined\s+)?(...)\b
    k = words(t, p, "after");
    int g = k >= 0 ? spaces(t, k) : -1;
    if (g >= 0) {
      int pipelined = words(t, g, "pipelined");
      int afterPipelined = pipelined >= 0 ? spaces(t, pipelined) : -1;
      SmtpStage.Hit h = afterPipelined >= 0 ? groupThenBound(t, afterPipelined) : null;
      if (h == null) {
        h = groupThenBound(t, g);
      }
      if (h != null) {
        return h;
      }
    }
    // \bwhile\s+sending\s+(...)
    k = words(t, p, "while", "sending");
    g = k >= 0 ? spaces(t, k) : -1;
    if (g >= 0) {
      for (String[] alt : WHILE_SENDING) {
        int e = words(t, g, alt);
        if (e >= 0) {
          return hit(3, t, g, e, e);
        }
      }
    }
    // \b(qmail's phrases)
    for (String[] alt : QMAIL) {
      int e = words(t, p, alt);
      if (e >= 0) {
        return hit(4, t, p, e, e);
      }
    }
    // \bfor\s+(...)\s+command
    k = words(t, p, "for");
    g = k >= 0 ? spaces(t, k) : -1;
    if (g >= 0) {
      SmtpStage.Hit h = groupThenCommand(t, g, FOR, 6);
      if (h != null) {
        return h;
      }
    }
    // \bafter\s+(RCPT|MAIL|DATA)\s+command
    k = words(t, p, "after");
    g = k >= 0 ? spaces(t, k) : -1;
    return g >= 0 ? groupThenCommand(t, g, AFTER_COMMAND, 7) : null;
  }

  /** {@code \[(RCPT_TO|MAIL_FROM|DATA)\]} at the "[" at {@code p}: the hit of the fifth group, or null. */
  private static SmtpStage.@Nullable Hit bracketed(String t, int p) {
    for (String w : BRACKETED) {
      int e = p + 1 + w.length();
      if (Keywords.startsWithAscii(t, p + 1, w) && e < t.length() && t.charAt(e) == ']') {
        return hit(5, t, p + 1, e, e + 1);
      }
    }
    return null;
  }

  /** One of {@code alts} at {@code g}, then {@code \s+command}: the hit of group {@code group}, or null. */
  private static SmtpStage.@Nullable Hit groupThenCommand(String t, int g, String[][] alts, int group) {
    for (String[] alt : alts) {
      int e = words(t, g, alt);
      if (e >= 0) {
        int c = spaces(t, e);
        int end = c >= 0 ? words(t, c, COMMAND) : -1;
        return end >= 0 ? hit(group, t, g, e, end) : null; // no other alternative starts so
      }
    }
    return null;
  }

  /** One of {@link #AFTER} at {@code g}, then {@code \b}: the hit of the second group, null or unsure. */
  private static SmtpStage.@Nullable Hit groupThenBound(String t, int g) {
    for (String[] alt : AFTER) {
      int e = words(t, g, alt);
      if (e >= 0) {
        if (e == t.length() || !Keywords.isAsciiWordChar(t.charAt(e)) && t.charAt(e) < 128) {
          return hit(2, t, g, e, e);
        }
        return t.charAt(e) >= 128 ? SmtpStage.UNSURE : null;
      }
    }
    return null;
  }

  private static SmtpStage.Hit hit(int group, String t, int start, int end, int matchEnd) {
    return new SmtpStage.Hit(SmtpStage.found(group, t, start, end), matchEnd);
  }

  /** Where {@code \s+} that starts at {@code k} ends, or -1 when there is no space there. */
  private static int spaces(String t, int k) {
    int e = Keywords.skipSpace(t, k);
    return e > k ? e : -1;
  }

  /** Where {@code words}, {@code \s+} apart, end when they start at {@code k}; -1 when they are not there. */
  private static int words(String t, int k, String... words) {
    int i = k;
    for (int w = 0; w < words.length; w++) {
      if (w > 0) {
        i = spaces(t, i);
        if (i < 0) {
          return -1;
        }
      }
      if (!Keywords.startsWithAscii(t, i, words[w])) {
        return -1;
      }
      i += words[w].length();
    }
    return i;
  }
}
