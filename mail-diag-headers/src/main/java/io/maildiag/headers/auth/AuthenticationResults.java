package io.maildiag.headers.auth;

import io.maildiag.core.ParseResult;
import io.maildiag.headers.HeaderField;
import io.maildiag.headers.HeaderSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The value of an {@code Authentication-Results} field (RFC 8601): which receiver checked the
 * message (the authserv-id) and what each method found.
 *
 * <pre>{@code
 * ParseResult<AuthenticationResults> r = AuthenticationResults.parse(
 *     "mx.example.org; spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com");
 * AuthenticationResults ar = r.orElseThrow();
 * ar.first(AuthMethod.DKIM).flatMap(d -> d.property("header.d"));   // "example.com"
 * }</pre>
 *
 * <p>The same syntax is the value of Microsoft's {@code Authentication-Results-Original} field and
 * the payload of {@code ARC-Authentication-Results} after its {@code i=} tag. {@link #toString()}
 * renders the canonical form, which {@link #parse(CharSequence, AuthResultsMode)} reads back to an
 * equal value. A value without results renders as {@code authserv-id; none}.
 *
 * @param authservId the receiver's identifier, unquoted; empty only when a lenient parse found none
 * @param version the version after the authserv-id, if written
 * @param results the results in order
 * @param comments the comments around the authserv-id and {@code none}, without parentheses
 * @since 0.1
 */
public record AuthenticationResults(
    Optional<String> authservId, OptionalInt version, List<AuthResult> results, List<String> comments) {

  /** The field name of RFC 8601: {@value}. */
  public static final String FIELD_NAME = "Authentication-Results";

  /**
   * The field in which Microsoft 365 keeps the results of an earlier hop when it rewrites a
   * message: {@value}. Its value has the same syntax.
   */
  public static final String ORIGINAL_FIELD_NAME = "Authentication-Results-Original";

  /**
   * Validates the value.
   *
   * @throws IllegalArgumentException if the version is negative or a text holds control characters
   */
  public AuthenticationResults {
    authservId.ifPresent(id -> Text.requirePrintable(id, "authserv-id"));
    Objects.requireNonNull(version, "version");
    if (version.isPresent() && version.getAsInt() < 0) {
      throw new IllegalArgumentException("negative version: " + version.getAsInt());
    }
    results = List.copyOf(results);
    comments = List.copyOf(comments);
    comments.forEach(c -> Text.requirePrintable(c, "comment"));
  }

  /** Returns a value with the given authserv-id and results, and no version or comments. */
  public static AuthenticationResults of(String authservId, AuthResult... results) {
    return new AuthenticationResults(Optional.of(authservId), OptionalInt.empty(), List.of(results), List.of());
  }

  /**
   * Parses a field value {@linkplain AuthResultsMode#LENIENT leniently}. Never throws.
   *
   * @param value the field value after the colon, folded or not
   */
  public static ParseResult<AuthenticationResults> parse(CharSequence value) {
    return parse(value, AuthResultsMode.LENIENT);
  }

  /**
   * Parses a field value in the given mode. Never throws: problems are diagnostics positioned in
   * {@code value}. In {@link AuthResultsMode#STRICT} mode any error fails the parse.
   *
   * @param value the field value after the colon, folded or not
   * @param mode how closely to follow the grammar
   */
  public static ParseResult<AuthenticationResults> parse(CharSequence value, AuthResultsMode mode) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(mode, "mode");
    return AuthResultsParser.parse(value.toString(), mode);
  }

  /**
   * Parses every {@value #FIELD_NAME} and {@value #ORIGINAL_FIELD_NAME} field of a header
   * section, top first, {@linkplain AuthResultsMode#LENIENT leniently}. Diagnostics point into
   * each field's value.
   *
   * @param header the header section
   */
  public static List<ParseResult<AuthenticationResults>> fromHeader(HeaderSection header) {
    Objects.requireNonNull(header, "header");
    List<ParseResult<AuthenticationResults>> out = new ArrayList<>();
    for (HeaderField f : header.fields()) {
      if (f.nameIs(FIELD_NAME) || f.nameIs(ORIGINAL_FIELD_NAME)) {
        out.add(parse(f.rawValue()));
      }
    }
    return List.copyOf(out);
  }

  /** Returns the results of the given method, in order. */
  public List<AuthResult> results(AuthMethod method) {
    return results.stream().filter(r -> r.knownMethod() == method).toList();
  }

  /** Returns the results whose method has the given name, ignoring case (for unregistered methods). */
  public List<AuthResult> results(String method) {
    return results.stream().filter(r -> r.method().equalsIgnoreCase(method)).toList();
  }

  /** Returns the first result of the given method. */
  public Optional<AuthResult> first(AuthMethod method) {
    return results.stream().filter(r -> r.knownMethod() == method).findFirst();
  }

  /** Returns whether the field says {@code none}: no method was applied. */
  public boolean isNone() {
    return results.isEmpty();
  }

  /**
   * Returns the canonical text on one line: {@code authserv-id [version]; method=result ...; ...},
   * quoting what needs quoting. It parses back to an equal value.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    authservId.ifPresent(id -> sb.append(Text.tokenOrQuoted(id)));
    version.ifPresent(v -> sb.append(' ').append(v));
    for (String c : comments) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      Text.appendComment(sb, c);
    }
    if (results.isEmpty()) {
      sb.append(sb.length() > 0 ? "; " : "").append("none");
    }
    for (int i = 0; i < results.size(); i++) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      results.get(i).render(sb);
    }
    return sb.toString();
  }
}
