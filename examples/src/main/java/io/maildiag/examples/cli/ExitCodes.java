package io.maildiag.examples.cli;

/**
 * The exit codes every {@code mail-diag} subcommand uses.
 *
 * <p>A finding is never an error: a domain whose DMARC record is NXDOMAIN, a server that answers
 * SERVFAIL, an SPF record that fails, all exit {@link #OK}, because the analysis ran and its
 * output says what it found.
 */
public final class ExitCodes {
  /** The analysis ran, whatever it found. */
  public static final int OK = 0;
  /**
   * Bad input (an unreadable or malformed zone file, a bad address, domain name or server), or an
   * unexpected failure; a one-line message went to stderr.
   */
  public static final int BAD_INPUT = 1;
  /** Usage error: unknown option or subcommand, missing or malformed parameter. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
