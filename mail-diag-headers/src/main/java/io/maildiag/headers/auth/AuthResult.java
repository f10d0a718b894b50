package io.maildiag.headers.auth;

import io.maildiag.core.internal.LowerCase;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One result of an {@code Authentication-Results} field (RFC 8601 {@code resinfo}): the method,
 * its result, an optional reason, and the properties that say what was checked.
 *
 * <pre>{@code
 * dkim=pass (good signature) header.d=example.com header.s=sel1
 * compauth=pass reason=100
 * }</pre>
 *
 * <p>The method and result are lower-cased and kept as text, so that unregistered methods and
 * results survive; {@link #knownMethod()} and {@link #value()} give the typed view.
 *
 * @param method the method name, {@code dkim}
 * @param methodVersion the method version of {@code method/1=...}, if written
 * @param result the result keyword, {@code pass}
 * @param reason the {@code reason=} text, unquoted
 * @param properties the properties in order
 * @param comments the comments after the result or the reason, without their parentheses
 * @since 0.1
 */
public record AuthResult(
    String method,
    OptionalInt methodVersion,
    String result,
    Optional<String> reason,
    List<AuthProperty> properties,
    List<String> comments) {

  /**
   * Validates and normalises the result.
   *
   * @throws IllegalArgumentException if the method or result is not a keyword, the version is
   *     negative, or a text holds control characters
   */
  public AuthResult {
    method = LowerCase.root(method);
    result = LowerCase.root(result);
    if (!Text.isKeyword(method)) {
      throw new IllegalArgumentException("method is not a keyword: " + method);
    }
    if (!Text.isKeyword(result)) {
      throw new IllegalArgumentException("result is not a keyword: " + result);
    }
    Objects.requireNonNull(methodVersion, "methodVersion");
    if (methodVersion.isPresent() && methodVersion.getAsInt() < 0) {
      throw new IllegalArgumentException("negative method version: " + methodVersion.getAsInt());
    }
    reason.ifPresent(r -> Text.requirePrintable(r, "reason"));
    properties = List.copyOf(properties);
    comments = List.copyOf(comments);
    comments.forEach(c -> Text.requirePrintable(c, "comment"));
  }

  /** Returns a result with no version, reason or comments. */
  public static AuthResult of(String method, String result, AuthProperty... properties) {
    return new AuthResult(method, OptionalInt.empty(), result, Optional.empty(), List.of(properties), List.of());
  }

  /** Returns the method, {@link AuthMethod#UNKNOWN} if it is not registered. */
  public AuthMethod knownMethod() {
    return AuthMethod.of(method);
  }

  /** Returns the result, {@link AuthResultValue#OTHER} if the keyword is not listed. */
  public AuthResultValue value() {
    return AuthResultValue.of(result);
  }

  /**
   * Returns the value of the first property with the given key, {@code "smtp.mailfrom"} or, for a
   * property without ptype, {@code "action"}. Case is ignored.
   */
  public Optional<String> property(String key) {
    String k = LowerCase.root(key);
    return properties.stream().filter(p -> p.key().equals(k)).map(AuthProperty::value).findFirst();
  }

  /** Returns the properties of the given ptype, such as all {@code header.*} properties. */
  public List<AuthProperty> properties(String ptype) {
    String t = LowerCase.root(ptype);
    return properties.stream().filter(p -> p.ptype().equals(t)).toList();
  }

  /** Returns a copy with the given reason. */
  public AuthResult withReason(String reason) {
    return new AuthResult(method, methodVersion, result, Optional.of(reason), properties, comments);
  }

  /** Returns a copy with the given comments. */
  public AuthResult withComments(List<String> comments) {
    return new AuthResult(method, methodVersion, result, reason, properties, comments);
  }

  /** Returns the canonical text, {@code dkim=pass (comment) reason="..." header.d=example.com}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    render(sb);
    return sb.toString();
  }

  void render(StringBuilder sb) {
    sb.append(method);
    methodVersion.ifPresent(v -> sb.append('/').append(v));
    sb.append('=').append(result);
    for (String c : comments) {
      sb.append(' ');
      Text.appendComment(sb, c);
    }
    reason.ifPresent(r -> sb.append(" reason=").append(Text.tokenOrQuoted(r)));
    for (AuthProperty p : properties) {
      sb.append(' ');
      p.render(sb);
    }
  }
}
