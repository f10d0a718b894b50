package io.maildiag.ndr.parse;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.RecipientResult;
import io.maildiag.ndr.code.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The notices of the fml mailing-list manager ({@link Engine#listServerNotice}): when fml refuses a
 * post to a list, it writes to the list's administrator address, naming the list in angle brackets
 * at the end of a line ({@code You are not a member of this mailing list <list@example.org>.},
 * {@code Duplicated Message-ID in <list@example.org>.}), and quotes the refused message, indented,
 * after the line {@code Original mail as follows:}. Each list named is a recipient whose delivery
 * failed; the line naming it is its diagnostic.
 */
final class FmlNotice {
  private FmlNotice() {}

  /** The line after which fml quotes the refused message. */
  private static final String QUOTE_MARK = "Original mail as follows:";

  /** The analysis of a notice, or null when the message names no list as fml does. */
  static BounceAnalysis analyze(Engine.Message msg, Engine engine) {
    String text = msg.notificationText();
    int mark = quoteMark(text);
    String notice = mark < 0 ? text : text.substring(0, mark);
    String label = msg.textPart == null ? "message body" : msg.textPart.label();
    List<RecipientResult> results = new ArrayList<>();
    int from = 0;
    while (from < notice.length()) {
      int nl = notice.indexOf('\n', from);
      int end = nl < 0 ? notice.length() : nl;
      String line = notice.substring(from, end).strip();
      String address = listAddress(line);
      if (address != null) {
        Rcpt x = new Rcpt();
        x.recipient = address;
        x.action = "failed";
        x.diagnostic = Smtp.clean(line);
        x.excerpt = Smtp.excerpt(line);
        x.part = label;
        x.parser = Formats.FML;
        results.add(engine.result(x, Provider.OTHER, null));
      }
      from = end + 1;
    }
    if (results.isEmpty()) {
      return null;
    }
    String quoted = mark < 0 ? "" : unindent(text.substring(mark + QUOTE_MARK.length()));
    return new BounceAnalysis(Engine.kindOf(results), Formats.FML, Optional.empty(), results,
        msg.original(quoted), Optional.empty(), msg.diags.toList());
  }

  /** Where the line {@link #QUOTE_MARK} starts in {@code text}, or -1. */
  private static int quoteMark(String text) {
    for (int i = text.indexOf(QUOTE_MARK); i >= 0; i = text.indexOf(QUOTE_MARK, i + 1)) {
      if (i == 0 || text.charAt(i - 1) == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The address in {@code <...>} that ends {@code line} (before a final full stop), or null: the
   * brackets must hold one address as {@link Addresses#first} reads addresses, and nothing else.
   */
  static String listAddress(String line) {
    int close = line.endsWith(">.") ? line.length() - 2 : line.endsWith(">") ? line.length() - 1 : -1;
    if (close < 0) {
      return null;
    }
    int open = line.lastIndexOf('<', close);
    if (open < 0) {
      return null;
    }
    String a = line.substring(open + 1, close);
    return a.equals(Addresses.first(a)) ? a : null;
  }

  /** The quoted message with the indent fml puts before each of its lines taken off. */
  private static String unindent(String quoted) {
    StringBuilder out = new StringBuilder(quoted.length());
    int from = quoted.startsWith("\n") ? 1 : 0;
    while (from < quoted.length()) {
      int nl = quoted.indexOf('\n', from);
      int end = nl < 0 ? quoted.length() : nl;
      int start = from;
      for (int k = 0; k < 3 && start < end && quoted.charAt(start) == ' '; k++) {
        start++;
      }
      out.append(quoted, start, end).append('\n');
      from = end + 1;
    }
    return out.toString().stripLeading();
  }
}
