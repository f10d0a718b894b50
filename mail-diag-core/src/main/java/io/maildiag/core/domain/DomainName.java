package io.maildiag.core.domain;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import java.net.IDN;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated, normalised, absolute DNS domain name such as {@code mail.example.com}.
 *
 * <p>Normalisation: ASCII letters are lower-cased, one trailing dot is removed (every name is
 * absolute; there is no search list), and non-ASCII labels are converted to their IDNA A-label
 * form ({@code bücher.example} becomes {@code xn--bcher-kva.example}). The conversion uses {@link
 * java.net.IDN} (IDNA 2003 with unassigned code points allowed); names that differ between IDNA
 * 2003 and IDNA 2008, such as those containing {@code ß}, follow IDNA 2003.
 *
 * <p>Validation follows what DNS can hold (RFC 1035 section 2.3.4, RFC 2181 section 11): labels of
 * 1 to 63 octets and at most 253 octets in text form. DNS labels may hold any octet, so any
 * printable ASCII character but the dot is accepted ({@code _dmarc}, {@code *}, the {@code /} of
 * RFC 2317 reverse zones, and the odd characters SPF macros can produce); control characters are
 * refused. Whether a name is also a valid host name (letters, digits and hyphens only) is a separate
 * question: {@link #isHostName()}. An LDH label that begins or ends with a hyphen is accepted with a
 * warning.
 *
 * <p>The {@linkplain #root() root} has no labels and prints as {@code "."}.
 *
 * <p>Instances are immutable and safe for concurrent use; {@link #equals} compares the normalised
 * form.
 *
 * @since 0.1
 */
public final class DomainName implements Comparable<DomainName> {

  /** The most octets in one label (RFC 1035 section 2.3.4). */
  public static final int MAX_LABEL_LENGTH = 63;

  /** The most octets in a name in text form without the trailing dot. */
  public static final int MAX_NAME_LENGTH = 253;

  private static final DomainName ROOT = new DomainName(new String[0], ".");

  /** Inputs longer than this are rejected before any other work; no valid name comes close. */
  private static final int MAX_INPUT_LENGTH = 4 * MAX_NAME_LENGTH;

  private final String[] labels;
  private final String text;

  private DomainName(String[] labels, String text) {
    this.labels = labels;
    this.text = text;
  }

  /** Returns the root name {@code "."}. */
  public static DomainName root() {
    return ROOT;
  }

  /**
   * Parses and normalises a domain name. Never throws: errors are diagnostics with their position
   * in {@code input}.
   */
  public static ParseResult<DomainName> parse(CharSequence input) {
    Objects.requireNonNull(input, "input");
    String s = input.toString();
    if (s.isEmpty()) {
      return ParseResult.failure(
          Diagnostic.error(DomainCodes.DOMAIN_EMPTY, "empty domain name").at(s, 0, 0));
    }
    if (s.equals(".")) {
      return ParseResult.success(ROOT);
    }
    if (s.length() > MAX_INPUT_LENGTH) {
      return ParseResult.failure(
          Diagnostic.error(DomainCodes.DOMAIN_TOO_LONG,
                  "domain name of " + s.length() + " characters exceeds " + MAX_NAME_LENGTH)
              .withReference("RFC 1035 section 2.3.4")
              .at(s, 0, s.length()));
    }
    int end = s.endsWith(".") ? s.length() - 1 : s.length();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int start = 0;
    while (start <= end) {
      int dot = s.indexOf('.', start);
      int labelEnd = (dot < 0 || dot > end) ? end : dot;
      String raw = s.substring(start, labelEnd);
      String label = normaliseLabel(s, raw, start, diagnostics);
      if (label != null) {
        labels.add(label);
      }
      start = labelEnd + 1;
    }
    if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
      String text = String.join(".", labels);
      if (text.length() > MAX_NAME_LENGTH) {
        diagnostics.add(
            Diagnostic.error(DomainCodes.DOMAIN_TOO_LONG,
                    "domain name of " + text.length() + " octets exceeds " + MAX_NAME_LENGTH)
                .withReference("RFC 1035 section 2.3.4")
                .at(s, 0, s.length()));
      } else {
        return ParseResult.success(new DomainName(labels.toArray(new String[0]), text), diagnostics);
      }
    }
    return ParseResult.failure(diagnostics);
  }

  private static @org.jspecify.annotations.Nullable String normaliseLabel(String input, String raw, int offset, List<Diagnostic> out) {
    if (raw.isEmpty()) {
      out.add(Diagnostic.error(DomainCodes.DOMAIN_EMPTY_LABEL, "empty label (two dots in a row or a leading dot)")
          .at(input, offset, 0));
      return null;
    }
    String label = raw;
    if (!isAscii(raw)) {
      // IDNA passes ASCII through unchanged apart from case, so a bad ASCII character can be
      // reported at its exact position before the conversion.
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c < 0x80 && !isLabelChar(Character.toLowerCase(c))) {
          out.add(Diagnostic.error(DomainCodes.DOMAIN_INVALID_CHARACTER,
                  "character " + describe(c) + " is not allowed in a domain name")
              .at(input, offset + i, 1));
          return null;
        }
      }
      try {
        label = IDN.toASCII(raw, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        out.add(Diagnostic.error(DomainCodes.DOMAIN_IDNA_INVALID,
                "label '" + raw + "' cannot be converted to an IDNA A-label: " + e.getMessage())
            .withReference("RFC 3490 section 4.1")
            .at(input, offset, raw.length()));
        return null;
      }
      if (label.isEmpty()) {
        out.add(Diagnostic.error(DomainCodes.DOMAIN_EMPTY_LABEL, "label '" + raw + "' maps to nothing under IDNA")
            .at(input, offset, raw.length()));
        return null;
      }
      // IDNA 2003 maps some compatibility characters to ASCII punctuation (U+2100 becomes "a/c",
      // U+3002 becomes "."); an A-label holds only letters, digits and hyphens.
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!(isLdh(c) || (c >= 'A' && c <= 'Z'))) {
          out.add(Diagnostic.error(DomainCodes.DOMAIN_IDNA_INVALID,
                  "label '" + raw + "' maps under IDNA to '" + label
                      + "', which is not a valid A-label (letters, digits and hyphens only)")
              .withReference("RFC 3490 section 4.1")
              .at(input, offset, raw.length()));
          return null;
        }
      }
    }
    label = label.toLowerCase(Locale.ROOT);
    if (label.length() > MAX_LABEL_LENGTH) {
      out.add(Diagnostic.error(DomainCodes.DOMAIN_LABEL_TOO_LONG,
              "label of " + label.length() + " octets exceeds " + MAX_LABEL_LENGTH)
          .withReference("RFC 1035 section 2.3.4")
          .at(input, offset, raw.length()));
      return null;
    }
    {
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!isLabelChar(c)) {
          // Only reachable for ASCII input (an IDNA result was checked above), so i is a position
          // in raw.
          out.add(Diagnostic.error(DomainCodes.DOMAIN_INVALID_CHARACTER,
                  "character " + describe(c) + " is not allowed in a domain name")
              .at(input, offset + i, 1));
          return null;
        }
      }
      if (isLdhLabel(label.replace("_", "")) && (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-')) {
        out.add(Diagnostic.warning(DomainCodes.DOMAIN_HYPHEN_AT_LABEL_EDGE,
                "label '" + label + "' begins or ends with a hyphen; not a valid host name")
            .withReference("RFC 1123 section 2.1")
            .at(input, offset, raw.length()));
      }
    }
    return label;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Any printable ASCII character but the dot: DNS holds any octet, but control characters are refused. */
  private static boolean isLabelChar(char c) {
    return c >= 0x20 && c < 0x7f && c != '.';
  }

  private static boolean isLdhLabel(String label) {
    if (label.isEmpty()) {
      return false;
    }
    for (int i = 0; i < label.length(); i++) {
      if (!isLdh(label.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLdh(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  private static String describe(char c) {
    if (c < 0x20 || c == 0x7f) {
      return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
    return "'" + c + "'";
  }

  /**
   * Parses a domain name that is known to be valid, such as a constant.
   *
   * @throws io.maildiag.core.InvalidInputException if it is not valid
   */
  public static DomainName of(String name) {
    return parse(name).orElseThrow();
  }

  /** Returns the labels, most specific first: {@code [mail, example, com]}. */
  public List<String> labels() {
    return List.of(labels);
  }

  /** Returns the number of labels; 0 for the root. */
  public int labelCount() {
    return labels.length;
  }

  /**
   * Returns label {@code index}, counting from the most specific label at 0.
   *
   * @throws IndexOutOfBoundsException if there is no such label
   */
  public String label(int index) {
    return labels[index];
  }

  /** Returns whether this is the root. */
  public boolean isRoot() {
    return labels.length == 0;
  }

  /** Returns whether the most specific label is the wildcard {@code *}. */
  public boolean isWildcard() {
    return labels.length > 0 && labels[0].equals("*");
  }

  /** Returns the parent ({@code example.com} for {@code mail.example.com}); empty for the root. */
  public Optional<DomainName> parent() {
    if (labels.length == 0) {
      return Optional.empty();
    }
    return Optional.of(suffix(labels.length - 1));
  }

  /**
   * Returns the name made of the last {@code count} labels: {@code suffix(2)} of {@code
   * a.b.example.com} is {@code example.com}.
   *
   * @throws IllegalArgumentException if {@code count} is negative or above {@link #labelCount()}
   */
  public DomainName suffix(int count) {
    if (count < 0 || count > labels.length) {
      throw new IllegalArgumentException("count " + count + " not in [0, " + labels.length + "]");
    }
    if (count == 0) {
      return ROOT;
    }
    if (count == labels.length) {
      return this;
    }
    String[] sub = Arrays.copyOfRange(labels, labels.length - count, labels.length);
    return new DomainName(sub, String.join(".", sub));
  }

  /**
   * Returns this name and its ancestors, most specific first, ending before the root: {@code
   * [a.example.com, example.com, com]}.
   */
  public List<DomainName> selfAndAncestors() {
    List<DomainName> out = new ArrayList<>(labels.length);
    for (int n = labels.length; n >= 1; n--) {
      out.add(suffix(n));
    }
    return out;
  }

  /** Returns whether this name equals {@code other} or lies below it. Every name is below the root. */
  public boolean isSubdomainOf(DomainName other) {
    if (other.labels.length > labels.length) {
      return false;
    }
    int shift = labels.length - other.labels.length;
    for (int i = 0; i < other.labels.length; i++) {
      if (!labels[i + shift].equals(other.labels[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the name with {@code label} prepended ({@code _dmarc} + {@code example.com}).
   *
   * @throws io.maildiag.core.InvalidInputException if the label or the resulting name is invalid
   */
  public DomainName child(String label) {
    return of(isRoot() ? label : label + "." + text);
  }

  /**
   * Returns the name with {@code prefix} (one or more labels) prepended; a parse result because
   * the prefix often comes from untrusted input.
   */
  public ParseResult<DomainName> resolve(String prefix) {
    return parse(isRoot() ? prefix : prefix + "." + text);
  }

  /**
   * Returns whether this is a host name (RFC 1123 section 2.1, RFC 5321 section 4.1.2): every label
   * made of letters, digits and hyphens, not beginning or ending with a hyphen. Names that DNS holds
   * but that are not host names, such as {@code _dmarc.example.com} or {@code *.example.com}, give
   * false. The root gives false.
   */
  public boolean isHostName() {
    if (labels.length == 0) {
      return false;
    }
    for (String label : labels) {
      if (!isLdhLabel(label) || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
        return false;
      }
    }
    return true;
  }

  /** Returns the name in Unicode form, converting A-labels back ({@code bücher.example}). */
  public String toUnicode() {
    if (isRoot()) {
      return text;
    }
    return IDN.toUnicode(text, IDN.ALLOW_UNASSIGNED);
  }

  /** Returns the absolute form with the trailing dot, {@code example.com.}; the root is {@code .}. */
  public String toAbsoluteString() {
    return isRoot() ? "." : text + ".";
  }

  /** Returns the normalised name without trailing dot, {@code example.com}; the root is {@code .}. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DomainName other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /**
   * Orders names in DNSSEC canonical order (RFC 4034 section 6.1): by labels from the root down,
   * so that a parent sorts before its children.
   */
  @Override
  public int compareTo(DomainName other) {
    int i = labels.length - 1;
    int j = other.labels.length - 1;
    while (i >= 0 && j >= 0) {
      int c = labels[i].compareTo(other.labels[j]);
      if (c != 0) {
        return c;
      }
      i--;
      j--;
    }
    return Integer.compare(labels.length, other.labels.length);
  }
}
