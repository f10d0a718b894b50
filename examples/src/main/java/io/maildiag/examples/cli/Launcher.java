package io.maildiag.examples.cli;

import java.util.OptionalInt;

/**
 * The entry point of {@code mail-diag.jar}: {@link MailDiagCli#main}, from a class that names
 * nothing else. The JVM verifies a main class before it runs it, and verifying {@link MailDiagCli}
 * loads picocli's largest classes; the first JVM of a run (see {@link Relaunch}) only starts the
 * second, so it starts from here and never loads them.
 */
public final class Launcher {
  private Launcher() {}

  /** Runs the CLI as {@link MailDiagCli#main} does. */
  public static void main(String[] args) {
    OptionalInt relaunched = Relaunch.run(args);
    if (relaunched.isPresent()) {
      System.exit(relaunched.getAsInt());
    }
    MailDiagCli.runHere(args);
  }
}
