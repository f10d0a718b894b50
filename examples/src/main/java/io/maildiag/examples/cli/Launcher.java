package io.maildiag.examples.cli;

import java.util.OptionalInt;

/**
 * The entry point of {@code mail-diag.jar}: {@link MailDiagCli#main}, from a light class. The JVM
 * verifies a main class before it runs it, and verifying {@link MailDiagCli} loads picocli's largest
 * classes. The first JVM of a run only starts the second (see {@link Relaunch}), so it starts from
 * here: {@link MailDiagCli} is loaded only when the CLI runs in this JVM.
 */
public final class Launcher {
  private Launcher() {}

  /** Runs the CLI as {@link MailDiagCli#main} does. */
  public static void main(String[] args) {
    OptionalInt relaunched = Relaunch.run(args);
    if (relaunched.isPresent()) {
      System.exit(relaunched.getAsInt());
    }
    args = Relaunch.arguments(args, System.getProperty(Relaunch.ARGUMENTS));
    MailDiagCli.runHere(args);
  }
}
