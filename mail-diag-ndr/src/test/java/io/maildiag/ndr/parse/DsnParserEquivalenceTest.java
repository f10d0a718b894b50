package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link DsnParser#parse} and {@link DsnParser#findInText}, which read lines in place, against the
 * line-array parser they replaced: same blocks, same fields in the same order, same first line.
 */
class DsnParserEquivalenceTest {
  private static final Set<String> KEYS = Set.of("final-recipient", "original-recipient", "action",
      "status", "diagnostic-code", "remote-mta");

  @Property(tries = 4000)
  void parseIsTheLineArrayParser(@ForAll("reports") String text) {
    DsnParser.Report r = DsnParser.parse(text);
    DsnParser.Report ref = reference(text.split("\n", -1), 0, Integer.MAX_VALUE);
    assertThat(r).isEqualTo(ref);
    assertThat(order(r)).isEqualTo(order(ref));
  }

  @Property(tries = 4000)
  void findInTextIsTheLineArrayParser(@ForAll("reports") String text) {
    DsnParser.Report r = DsnParser.findInText(text);
    DsnParser.Report ref = findReference(text);
    assertThat(r).isEqualTo(ref);
    if (r != null) {
      assertThat(order(r)).isEqualTo(order(ref));
    }
  }

  @Property(tries = 4000)
  void aLineStartsAReportWhereTheWordsStartALine(@ForAll("reports") String text) {
    boolean some = false;
    for (String line : text.split("\n", -1)) {
      some |= DsnParser.REPORT_START_WORDS.at(line, 0);
    }
    assertThat(DsnParser.someLineStartsReport(text)).isEqualTo(some);
  }

  @Property(tries = 3000)
  void diagnosticTypeIsTheRegex(@ForAll("types") String type) {
    assertThat(DsnParser.isDiagType(type)).isEqualTo(DsnParser.Spec.DIAG_TYPE
        .matcher(type).matches());
  }

  @Property(tries = 5000)
  void trailingCommentIsTheRegex(@ForAll("values") String value) {
    assertThat(DsnParser.withoutTrailingComment(value))
        .isEqualTo(DsnParser.Spec.TRAILING_COMMENT.matcher(value).replaceAll(""));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings().withChars(" \t\n\r\u000B\f\u0085\u2028\u2029()a@").ofMaxLength(14);
  }

  @Provide
  Arbitrary<String> types() {
    return Arbitraries.strings().withChars("aZ09_.-; \u212A\u00e9x\u0660").ofMaxLength(6);
  }

  @Provide
  Arbitrary<String> reports() {
    return Arbitraries.of("Reporting-MTA: dns; mx.example.net", "Final-Recipient: rfc822; a@example.com",
        "FINAL-RECIPIENT:rfc822;b@x", "Original-Recipient: rfc822;c@x", "Action: failed", "action :delayed",
        "Status: 5.1.1", "Diagnostic-Code: smtp; 550 no", "  folded more", "\tfolded tab", "X-Postfix-Sender: x",
        "X-Other: 1", "Arrival-Date: today", "Remote-MTA: dns; mx", "not a field", "", " ", "\u3000", "\u2028",
        "Status: 4.0.0\u2028x", "Status: 4.0.0\r", "Will-Retry-Until: later", "K\u212Aey: v", "Received-From-MTA: a",
        "Last-Attempt-Date: now", "x-actual-recipient: d@x", "\uD83D\uDE00", "A-very-long-name-" + "x".repeat(50) + ": v",
        // known names in other cases, near misses and names of a known name's length
        "STATUS: 5.0.0", "Status2: x", "Statu: x", "Final-Log-ID: 1", "X-POSTFIX-QUEUE-ID: Q", "Dsn-Gateway: g",
        "X-Original-Message-Id: m", "Remote-MTB: dns; y", "x-display-name: n",
        // a report's field name inside a line, which starts no block
        "Note: Final-Recipient: rfc822; e@x", " Reporting-MTA: dns; indented", "xArrival-Date: t")
        .list().ofMaxSize(16).map(l -> String.join("\n", l));
  }

  /** The line order of every block's fields, which LinkedHashMap equality ignores. */
  private static List<String> order(DsnParser.Report r) {
    List<String> out = new ArrayList<>(r.message().keySet());
    for (Map<String, String> m : r.recipients()) {
      out.add("|");
      out.addAll(m.keySet());
    }
    return out;
  }

  /** findInText as it was, over the split lines. */
  private static DsnParser.Report findReference(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (DsnParser.REPORT_START.matcher(lines[i]).lookingAt()) {
        int j = i;
        int misses = 0;
        while (j < lines.length) {
          String l = lines[j];
          boolean field = DsnParser.field(l) != null;
          if (l.isBlank() || l.startsWith(" ") || l.startsWith("\t") || field
              || j > i && l.length() >= 4 && l.substring(0, 4).matches("[245][0-9][0-9][ -]")) {
            if (field && !isDsnish(l)) {
              misses++;
              if (misses > 1) {
                break;
              }
            } else if (!l.isBlank()) {
              misses = 0;
            }
            j++;
            continue;
          }
          break;
        }
        DsnParser.Report r = reference(lines, i, j);
        boolean usable = false;
        for (Map<String, String> rec : r.recipients()) {
          if ((rec.containsKey("final-recipient") || rec.containsKey("original-recipient"))
              && (rec.containsKey("action") || rec.containsKey("status"))) {
            usable = true;
          }
        }
        if (usable) {
          return new DsnParser.Report(r.message(), r.recipients(), i);
        }
        i = Math.max(i, j - 1);
      }
    }
    return null;
  }

  private static boolean isDsnish(String line) {
    int colon = line.indexOf(':');
    String name = line.substring(0, Math.max(0, colon)).trim().toLowerCase(Locale.ROOT);
    return DsnParser.MESSAGE_FIELDS.contains(name) || DsnParser.RECIPIENT_FIELDS.contains(name) || name.startsWith("x-");
  }

    static DsnParser.Report reference(String[] lines, int from, int to) {
      Map<String, String> message = new LinkedHashMap<>();
      List<Map<String, String>> recipients = new ArrayList<>();
      Map<String, String> current = new LinkedHashMap<>();
      boolean keyed = false; // whether current has a recipient's key field (KEY_FIELDS)
      String lastName = null;
      Map<String, String> lastMap = null;
      int end = Math.min(lines.length, to);
      for (int i = from; i < end; i++) {
        String line = lines[i];
        if (line.isBlank() && !line.isEmpty() && lastName != null && lastMap != null) {
          int j = i + 1;
          while (j < end && !lines[j].isBlank() && (lines[j].charAt(0) == ' ' || lines[j].charAt(0) == '\t')) {
            j++;
          }
          if (j > i + 1 && j < end && DsnParser.field(lines[j]) != null) {
            continue; // white space inside a folded value: indented lines after it, then a field
          }
        }
        if (line.isBlank()) {
          if (keyed) {
            recipients.add(current);
            current = new LinkedHashMap<>();
            keyed = false;
          }
          lastName = null;
          continue;
        }
        char c = line.charAt(0);
        if ((c == ' ' || c == '\t') && lastName != null && lastMap != null) {
          lastMap.merge(lastName, "\n" + line, String::concat);
          continue;
        }
        DsnParser.Field f = DsnParser.field(line);
        if (f == null) {
          lastName = null;
          continue;
        }
        String name = f.name().toLowerCase(Locale.ROOT);
        String value = f.value();
        boolean messageField = DsnParser.MESSAGE_FIELDS.contains(name);
        if (messageField && !keyed) {
          message.putIfAbsent(name, value);
          lastName = name;
          lastMap = message;
          continue;
        }
        if (messageField) {
          // a per-message field after recipient fields: a new report section (loose formats)
          recipients.add(current);
          current = new LinkedHashMap<>();
          keyed = false;
          message.putIfAbsent(name, value);
          lastName = name;
          lastMap = message;
          continue;
        }
        boolean perRecipient = DsnParser.RECIPIENT_FIELDS.contains(name) || (name.startsWith("x-") && keyed);
        if (!perRecipient) {
          // unknown field: keep it on whichever block is open
          Map<String, String> target = keyed ? current : message;
          target.putIfAbsent(name, value);
          lastName = name;
          lastMap = target;
          continue;
        }
        boolean key = KEYS.contains(name);
        if (key && current.containsKey(name)) {
          recipients.add(current); // the same field twice: a new recipient block without a blank line
          current = new LinkedHashMap<>();
        }
        current.put(name, value);
        keyed |= key;
        lastName = name;
        lastMap = current;
      }
      if (keyed) {
        recipients.add(current);
      }
      recipients.removeIf(r -> !r.containsKey("final-recipient") && !r.containsKey("original-recipient")
          && !r.containsKey("action") && !r.containsKey("status"));
      // an x- field alone (X-Postfix-Sender in the message block) is not a recipient
      return new DsnParser.Report(message, recipients, from);
    }

}
