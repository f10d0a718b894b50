package io.maildiag.examples.cli;

import picocli.CommandLine.Option;

/**
 * The output convention of every subcommand: human-readable text by default, or with {@code
 * --json} exactly one JSON object on stdout (one object per line in batch modes).
 */
public final class OutputOptions {

  @Option(names = "--json",
      description = "Print one JSON object on stdout (one per line in batch modes) instead of text.")
  boolean json;

  /** Returns whether {@code --json} was given. */
  public boolean json() {
    return json;
  }
}
