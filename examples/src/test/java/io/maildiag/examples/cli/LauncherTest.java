package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The jar's entry point stays light: the first JVM of a run loads nothing it does not need. */
class LauncherTest {

  private static String classFile(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      assertThat(in).as(type.getName()).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void theEntryPointNamesNeitherPicocliNorTheCommands() throws IOException {
    String launcher = classFile(Launcher.class);
    assertThat(launcher).contains("io/maildiag/examples/cli/Relaunch").doesNotContain("picocli")
        .doesNotContain("Command");
  }

  @Test
  void theFirstJvmsCodeBootstrapsNoInvokedynamic() throws IOException {
    // a lambda, a method reference or a string concatenation with + compiles to invokedynamic,
    // whose bootstrap methods the class file names
    assertThat(classFile(Relaunch.class)).doesNotContain("LambdaMetafactory").doesNotContain("StringConcatFactory");
    assertThat(classFile(Launcher.class)).doesNotContain("LambdaMetafactory").doesNotContain("StringConcatFactory");
  }
}
