package io.maildiag.headers;

import io.maildiag.core.SourceSpan;
import io.maildiag.core.internal.LowerCase;
import java.util.Objects;

/**
 * One header field of a message (RFC 5322 section 2.2), in four forms.
 *
 * <ul>
 *   <li>{@link #raw()}: the exact text of the field, name and colon included, folding line breaks
 *       as they were, without the line break that ends the field;
 *   <li>{@link #rawValue()}: the text after the colon, as it was;
 *   <li>{@link #unfoldedValue()}: the value unfolded (RFC 5322 section 2.2.3: each line break
 *       followed by white space removed) with leading and trailing white space trimmed;
 *   <li>{@link #decodedValue()}: the unfolded value with RFC 2047 encoded-words decoded, for
 *       display. Fields whose syntax is structured and never carries encoded-words ({@code
 *       Received}, {@code Date}, {@code Message-ID}, {@code DKIM-Signature}, {@code
 *       Authentication-Results}, {@code Content-Type} and the like) are not decoded.
 * </ul>
 *
 * @param name the field name as written (compare with {@link #nameIs(String)}, which ignores case)
 * @param raw the whole field as written
 * @param rawValue the value as written, after the colon
 * @param unfoldedValue the unfolded, trimmed value
 * @param decodedValue the unfolded value with encoded-words decoded
 * @param span where the field lies in {@link HeaderSection#text()}
 * @since 0.1
 */
public record HeaderField(
    String name, String raw, String rawValue, String unfoldedValue, String decodedValue, SourceSpan span) {

  /** Checks that no component is null. */
  public HeaderField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(rawValue, "rawValue");
    Objects.requireNonNull(unfoldedValue, "unfoldedValue");
    Objects.requireNonNull(decodedValue, "decodedValue");
    Objects.requireNonNull(span, "span");
  }

  /**
   * Returns a field built from a name and an unfolded value, as a program would add it; the raw
   * forms are {@code name + ": " + value} and the span is empty.
   *
   * @throws IllegalArgumentException if the name is empty or holds a colon, white space or a control
   *     character
   */
  public static HeaderField of(String name, String value) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty field name");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 32 || c >= 127 || c == ':') {
        throw new IllegalArgumentException("invalid character in field name: " + name);
      }
    }
    String unfolded = EncodedWords.unfold(value).strip();
    String decoded = HeaderSection.isStructured(name) ? unfolded : EncodedWords.decode(unfolded, null);
    return new HeaderField(name, name + ": " + value, " " + value, unfolded, decoded, new SourceSpan(0, 0, 1, 1));
  }

  /** Returns whether this field's name equals {@code other}, ignoring ASCII case. */
  public boolean nameIs(String other) {
    return name.equalsIgnoreCase(other);
  }

  /** Returns the name in lower case, the form used to look fields up. */
  public String lowerCaseName() {
    return LowerCase.root(name);
  }

  /** Returns {@code Name: unfolded value}, one line. */
  @Override
  public String toString() {
    return name + ": " + unfoldedValue;
  }
}
