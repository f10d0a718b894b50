package io.maildiag.dns.spf;

/**
 * The qualifier of an SPF directive (RFC 7208 section 4.6.2): the result when its mechanism matches.
 *
 * @since 0.1
 */
public enum SpfQualifier {
  /** {@code +}, the default: pass. */
  PASS('+', SpfResult.PASS),
  /** {@code -}: fail. */
  FAIL('-', SpfResult.FAIL),
  /** {@code ~}: softfail. */
  SOFTFAIL('~', SpfResult.SOFTFAIL),
  /** {@code ?}: neutral. */
  NEUTRAL('?', SpfResult.NEUTRAL);

  private final char symbol;
  private final SpfResult result;

  SpfQualifier(char symbol, SpfResult result) {
    this.symbol = symbol;
    this.result = result;
  }

  /** Returns the qualifier character. */
  public char symbol() {
    return symbol;
  }

  /** Returns the result a match produces. */
  public SpfResult result() {
    return result;
  }

  static SpfQualifier ofSymbol(char c) {
    for (SpfQualifier q : values()) {
      if (q.symbol == c) {
        return q;
      }
    }
    throw new IllegalArgumentException("not a qualifier: " + c);
  }
}
