package io.maildiag.ndr;

import java.util.Objects;

/**
 * Where a verdict came from: which part of the message, which parser or rule, and the text it
 * read.
 *
 * @param part the message part, such as {@code message/delivery-status} or {@code text/plain (part 1)}
 * @param parser the parser that read it, such as {@code rfc3464}, {@code postfix}, {@code exchange}
 * @param excerpt the text the verdict rests on (at most a few hundred characters)
 * @since 0.1
 */
public record Evidence(String part, String parser, String excerpt) {
  /** Checks for null. */
  public Evidence {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(excerpt, "excerpt");
  }
}
