package io.maildiag.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the CLI's JSON output back in tests. */
final class TestJson {

  /** A plain mapper; safe for concurrent use. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  private TestJson() {}
}
