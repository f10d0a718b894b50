package io.maildiag.dns.spf;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.domain.DomainName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An SPF macro-string (RFC 7208 section 7): literal text mixed with macros such as {@code %{ir}},
 * {@code %{d2}} or {@code %{L-}}, and the escapes {@code %%}, {@code %_} and {@code %-}.
 *
 * <p>{@link #toString()} prints the string back in canonical form (macro letters keep their case,
 * which selects URL escaping). Immutable and safe for concurrent use.
 *
 * @since 0.1
 */
public final class MacroString {

  /** The delimiters a macro may split on (RFC 7208 section 7.1). */
  static final String DELIMITERS = ".-+,/_=";

  /** A part of a macro-string. */
  sealed interface Part permits Literal, Macro {}

  /** Literal text (escapes already decoded). */
  record Literal(String text) implements Part {}

  /**
   * A macro: {@code %{letter digits r delimiters}}.
   *
   * @param letter the macro letter as written (upper case means URL-escape the value)
   * @param keep the number of right-most parts to keep; 0 means all
   * @param reverse whether to reverse the parts
   * @param delimiters the delimiters to split on; empty means "."
   */
  record Macro(char letter, int keep, boolean reverse, String delimiters) implements Part {}

  private final List<Part> parts;
  private final String source;
  /** Where the literal text after the last macro-expand (macro or escape) starts in {@link #source}. */
  private final int literalTailStart;

  private MacroString(List<Part> parts, String source, int literalTailStart) {
    this.parts = List.copyOf(parts);
    this.source = source;
    this.literalTailStart = literalTailStart;
  }

  /**
   * Parses a macro-string. Problems are added to {@code out} as diagnostics positioned in {@code
   * record} at {@code offset}; returns null after an error.
   *
   * @param allowExplanationLetters whether {@code c}, {@code r} and {@code t} are allowed (only in
   *     explanation strings)
   */
  static @org.jspecify.annotations.Nullable MacroString parse(
      String text, String record, int offset, boolean allowExplanationLetters, List<Diagnostic> out) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    int n = text.length();
    int tailStart = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c != '%') {
        if (c < 0x21 || c > 0x7e) {
          if (!(allowExplanationLetters && c == ' ')) {
            out.add(Diagnostic.error(SpfCodes.SPF_INVALID_CHARACTER,
                    String.format(Locale.ROOT, "character U+%04X is not allowed here", (int) c))
                .withReference("RFC 7208 section 7.1").at(record, offset + i, 1));
            return null;
          }
        }
        literal.append(c);
        i++;
        continue;
      }
      if (i + 1 >= n) {
        out.add(macroError("'%' at the end of the string", record, offset + i, 1));
        return null;
      }
      char next = text.charAt(i + 1);
      if (next == '%' || next == '_' || next == '-') {
        literal.append(next == '%' ? "%" : next == '_' ? " " : "%20");
        i += 2;
        tailStart = i;
        continue;
      }
      if (next != '{') {
        out.add(macroError("'%" + next + "' is not a macro; write '%%' for a percent sign", record, offset + i, 2));
        return null;
      }
      int close = text.indexOf('}', i + 2);
      if (close < 0) {
        out.add(macroError("macro is not closed with '}'", record, offset + i, n - i));
        return null;
      }
      Macro macro = parseMacro(text.substring(i + 2, close), record, offset + i, close - i + 1,
          allowExplanationLetters, out);
      if (macro == null) {
        return null;
      }
      if (literal.length() > 0) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      parts.add(macro);
      i = close + 1;
      tailStart = i;
    }
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
    }
    return new MacroString(parts, text, tailStart);
  }

  private static @org.jspecify.annotations.Nullable Macro parseMacro(
      String body, String record, int at, int length, boolean allowExplanationLetters, List<Diagnostic> out) {
    if (body.isEmpty()) {
      out.add(macroError("empty macro '%{}'", record, at, length));
      return null;
    }
    char letter = body.charAt(0);
    char lower = Character.toLowerCase(letter);
    if ("slodiphvcrt".indexOf(lower) < 0 || letter > 0x7e) {
      out.add(macroError("unknown macro letter '" + letter + "'", record, at, length));
      return null;
    }
    if ("crt".indexOf(lower) >= 0 && !allowExplanationLetters) {
      out.add(macroError("macro letter '" + letter + "' is only allowed in an explanation (exp) string",
          record, at, length));
      return null;
    }
    int i = 1;
    int keep = 0;
    int digitsStart = i;
    while (i < body.length() && Character.isDigit(body.charAt(i)) && body.charAt(i) < 0x80) {
      i++;
      if (i - digitsStart > 3) {
        out.add(macroError("macro transformer number too large", record, at, length));
        return null;
      }
    }
    if (i > digitsStart) {
      keep = Integer.parseInt(body.substring(digitsStart, i));
      if (keep == 0) {
        out.add(macroError("macro transformer 0 keeps nothing", record, at, length));
        return null;
      }
    }
    boolean reverse = false;
    if (i < body.length() && (body.charAt(i) == 'r' || body.charAt(i) == 'R')) {
      reverse = true;
      i++;
    }
    String delimiters = body.substring(i);
    for (int j = 0; j < delimiters.length(); j++) {
      if (DELIMITERS.indexOf(delimiters.charAt(j)) < 0) {
        out.add(macroError("'" + delimiters.charAt(j) + "' is not a macro delimiter (allowed: " + DELIMITERS + ")",
            record, at, length));
        return null;
      }
    }
    return new Macro(letter, keep, reverse, delimiters);
  }

  private static Diagnostic macroError(String message, String record, int offset, int length) {
    return Diagnostic.error(SpfCodes.SPF_INVALID_MACRO, message)
        .withReference("RFC 7208 section 7.1")
        .at(record, offset, length);
  }

  /** Returns whether the string contains at least one macro (not counting escapes). */
  public boolean hasMacros() {
    return parts.stream().anyMatch(p -> p instanceof Macro);
  }

  /** Returns whether the string uses the given macro letter (case-insensitive). */
  public boolean usesMacro(char letter) {
    char l = Character.toLowerCase(letter);
    return parts.stream().anyMatch(p -> p instanceof Macro m && Character.toLowerCase(m.letter()) == l);
  }

  List<Part> parts() {
    return parts;
  }

  /**
   * Returns the source text after the last macro-expand ({@code %{...}}, {@code %%}, {@code %_} or
   * {@code %-}): plain literal characters, empty when the string ends in a macro-expand.
   */
  String literalTail() {
    return source.substring(literalTailStart);
  }

  /** Expands the string, taking each macro's raw value from {@code values}. */
  String expand(MacroValues values) {
    StringBuilder sb = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Literal l) {
        sb.append(l.text());
      } else {
        Macro m = (Macro) p;
        String value = transform(values.value(Character.toLowerCase(m.letter())), m);
        sb.append(Character.isUpperCase(m.letter()) ? urlEscape(value) : value);
      }
    }
    return sb.toString();
  }

  /** Supplies the raw value of a macro letter (lower case). */
  @FunctionalInterface
  interface MacroValues {
    String value(char letter);
  }

  static String transform(String value, Macro m) {
    if (m.keep() == 0 && !m.reverse() && (m.delimiters().isEmpty() || m.delimiters().equals("."))) {
      return value;
    }
    String delims = m.delimiters().isEmpty() ? "." : m.delimiters();
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      if (delims.indexOf(value.charAt(i)) >= 0) {
        pieces.add(value.substring(start, i));
        start = i + 1;
      }
    }
    pieces.add(value.substring(start));
    if (m.reverse()) {
      java.util.Collections.reverse(pieces);
    }
    if (m.keep() > 0 && m.keep() < pieces.size()) {
      pieces = pieces.subList(pieces.size() - m.keep(), pieces.size());
    }
    return String.join(".", pieces);
  }

  /** Escapes everything but RFC 3986 unreserved characters, as RFC 7208 section 7.3 asks. */
  static String urlEscape(String value) {
    StringBuilder sb = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }

  /** Returns the macro-string as written in the record. */
  @Override
  public String toString() {
    return source;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MacroString other && source.equals(other.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source);
  }

  /**
   * An expanded domain-spec as a name to look up (RFC 7208, section 7.3): without its trailing
   * dot, and while longer than {@link DomainName#MAX_NAME_LENGTH}, without its leftmost labels.
   * The labels are dropped by moving an index, not by copying the rest each time: an expansion of
   * tens of thousands of short labels took time quadratic in their count.
   */
  static String lookupName(String expanded) {
    int end = expanded.endsWith(".") ? expanded.length() - 1 : expanded.length();
    int start = 0;
    while (end - start > DomainName.MAX_NAME_LENGTH) {
      int dot = expanded.indexOf('.', start);
      if (dot < 0 || dot >= end) {
        break;
      }
      start = dot + 1;
    }
    return expanded.substring(start, end);
  }
}
