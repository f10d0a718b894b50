/**
 * The mail-diag command-line tool and the runnable examples of the SDK.
 *
 * <p>This module requires only the SDK's exported packages, so compiling it proves that the CLI and
 * the examples use nothing internal.
 */
module io.maildiag.examples {
  requires io.maildiag.core;
  requires io.maildiag.dns;
  requires io.maildiag.ndr;
  requires io.maildiag.headers;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  // An application module: it exports nothing. picocli reads the command classes reflectively.
  opens io.maildiag.examples.cli to info.picocli;
}
