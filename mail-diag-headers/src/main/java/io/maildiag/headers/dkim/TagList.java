package io.maildiag.headers.dkim;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Limits;
import io.maildiag.core.Severity;
import io.maildiag.core.internal.Excerpt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed RFC 6376 section 3.2 tag-list, with the position of every tag in the input. */
final class TagList {

  /** One tag: its name, its value without surrounding white space, and where both lie. */
  record Entry(String name, String value, int nameStart, int valueStart, int valueEnd) {}

  final String input;
  final List<Entry> entries;
  final Map<String, Entry> byName;
  final List<Diagnostic> diagnostics;
  private final String reference;

  private TagList(String input, String reference) {
    this.input = input;
    this.reference = reference;
    this.entries = new ArrayList<>();
    this.byName = new HashMap<>();
    this.diagnostics = new ArrayList<>();
  }

  static boolean isFws(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** Parses {@code input}; {@code reference} names the standard for diagnostics. */
  static TagList parse(String input, String reference) {
    TagList t = new TagList(input, reference);
    t.run();
    return t;
  }

  private int errors;
  private int others;

  /** Adds a diagnostic; errors and the rest are capped separately, so that no cap hides an error. */
  void add(DiagnosticCode code, Severity severity, String message, int offset, int length) {
    boolean error = severity == Severity.ERROR;
    if ((error ? errors : others) >= Limits.DEFAULT_MAX_DIAGNOSTICS) {
      return;
    }
    if (error) {
      errors++;
    } else {
      others++;
    }
    int off = Math.max(0, Math.min(offset, input.length()));
    diagnostics.add(Diagnostic.of(code, severity, message).withReference(reference)
        .at(input, off, Math.max(0, Math.min(length, input.length() - off))));
  }

  void error(DiagnosticCode code, String message, int offset, int length) {
    add(code, Severity.ERROR, message, offset, length);
  }

  boolean hasErrors() {
    return errors > 0;
  }

  private void run() {
    int n = input.length();
    int segStart = 0;
    while (segStart <= n) {
      int semi = input.indexOf(';', segStart);
      int segEnd = semi < 0 ? n : semi;
      parseSpec(segStart, segEnd, semi < 0);
      if (semi < 0) {
        break;
      }
      segStart = semi + 1;
    }
  }

  private void parseSpec(int start, int end, boolean last) {
    int s = start;
    while (s < end && isFws(input.charAt(s))) {
      s++;
    }
    int e = end;
    while (e > s && isFws(input.charAt(e - 1))) {
      e--;
    }
    if (s == e) {
      if (!last) {
        add(DkimCodes.DKIM_TAG_SYNTAX, Severity.WARNING, "empty tag between two ';'", start, end - start);
      }
      return;
    }
    int eq = s;
    while (eq < e && input.charAt(eq) != '=') {
      eq++;
    }
    if (eq >= e) {
      error(DkimCodes.DKIM_TAG_SYNTAX, "tag without '=': " + clip(input.substring(s, e)), s, e - s);
      return;
    }
    int ne = eq;
    while (ne > s && isFws(input.charAt(ne - 1))) {
      ne--;
    }
    String name = input.substring(s, ne);
    if (!isTagName(name)) {
      error(DkimCodes.DKIM_TAG_SYNTAX, "invalid tag name '" + clip(name) + "'", s, Math.max(1, ne - s));
      return;
    }
    int vs = eq + 1;
    while (vs < e && isFws(input.charAt(vs))) {
      vs++;
    }
    for (int i = vs; i < e; i++) {
      char c = input.charAt(i);
      if (c < 0x20 && !isFws(c) || c == 0x7f) {
        error(DkimCodes.DKIM_TAG_SYNTAX, String.format("control character U+%04X in tag %s", (int) c, name), i, 1);
        return;
      }
    }
    Entry entry = new Entry(name, input.substring(vs, e), s, vs, e);
    if (byName.containsKey(name)) {
      error(DkimCodes.DKIM_DUPLICATE_TAG, "tag '" + name + "' occurs twice", s, e - s);
      return;
    }
    byName.put(name, entry);
    entries.add(entry);
  }

  private static boolean isTagName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    char first = name.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  static String clip(String s) {
    return Excerpt.of(s, 40);
  }

  Optional<Entry> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  List<DkimTag> tags() {
    return entries.stream().map(en -> new DkimTag(en.name(), en.value())).toList();
  }

  /** Returns {@code s} without any folding white space. */
  static String compact(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isFws(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
