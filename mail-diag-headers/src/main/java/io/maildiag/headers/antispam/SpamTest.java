package io.maildiag.headers.antispam;

import java.util.Objects;
import java.util.Optional;

/**
 * One rule that fired in a SpamAssassin {@code tests=} list, with its score when the header states it
 * ({@code tests=[BAYES_00=-1.9, DKIM_SIGNED=0.1]}, as Amavis writes it).
 *
 * @param name the rule name, such as {@code BAYES_99}
 * @param score the rule's score, when stated
 * @since 0.1
 */
public record SpamTest(String name, Optional<Double> score) {

  /** Checks that no component is null. */
  public SpamTest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(score, "score");
  }
}
