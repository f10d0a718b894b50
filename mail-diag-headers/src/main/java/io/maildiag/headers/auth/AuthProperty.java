package io.maildiag.headers.auth;

import io.maildiag.core.internal.LowerCase;
import java.util.List;
import java.util.Objects;

/**
 * One {@code ptype.property=value} of a result (RFC 8601 section 2.2), such as {@code
 * smtp.mailfrom=example.com} or {@code header.d=example.com}.
 *
 * <p>A property written without a ptype, such as Microsoft's {@code action=none}, has an empty
 * {@link #ptype()}. Names are lower-cased; the value is kept as written, with quoting removed.
 *
 * @param ptype {@code smtp}, {@code header}, {@code body}, {@code policy}, another keyword, or empty
 * @param property the property name, {@code mailfrom}
 * @param value the value, unquoted
 * @param comments the comments that followed the value, without their parentheses
 * @since 0.1
 */
public record AuthProperty(String ptype, String property, String value, List<String> comments) {

  /**
   * Validates and normalises the property.
   *
   * @throws IllegalArgumentException if a name is not a keyword, a bare property is named {@code
   *     reason}, or a text holds control characters
   */
  public AuthProperty {
    ptype = LowerCase.root(ptype);
    property = LowerCase.root(property);
    if (!ptype.isEmpty() && !Text.isKeyword(ptype)) {
      throw new IllegalArgumentException("ptype is not a keyword: " + ptype);
    }
    if (!Text.isKeyword(property)) {
      throw new IllegalArgumentException("property is not a keyword: " + property);
    }
    if (ptype.isEmpty() && property.equals("reason")) {
      throw new IllegalArgumentException("a property without ptype cannot be named reason; use AuthResult.reason()");
    }
    Text.requirePrintable(Objects.requireNonNull(value, "value"), "value");
    comments = List.copyOf(comments);
    comments.forEach(c -> Text.requirePrintable(c, "comment"));
  }

  /** Returns a property without comments. */
  public static AuthProperty of(String ptype, String property, String value) {
    return new AuthProperty(ptype, property, value, List.of());
  }

  /** Returns the key as written before {@code =}: {@code header.from}, or {@code action} without ptype. */
  public String key() {
    return ptype.isEmpty() ? property : ptype + "." + property;
  }

  /** Returns the canonical text, {@code smtp.mailfrom=example.com (comment)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    render(sb);
    return sb.toString();
  }

  void render(StringBuilder sb) {
    sb.append(key()).append('=').append(Text.pvalueOrQuoted(value));
    for (String c : comments) {
      sb.append(' ');
      Text.appendComment(sb, c);
    }
  }
}
