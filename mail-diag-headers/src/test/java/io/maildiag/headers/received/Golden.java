package io.maildiag.headers.received;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files: input above a {@code ---} line, the expected rendering below it. With the
 * environment variable {@code MAILDIAG_GOLDEN_UPDATE=1} the expected part is rewritten from the
 * actual output (then review the diff).
 */
final class Golden {

  static final String SEPARATOR = "\n---\n";

  private Golden() {}

  static Path dir(String name) {
    return Path.of("src/test/resources", name);
  }

  static List<Path> files(String dir) {
    try (Stream<Path> s = Files.list(dir(dir))) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the input part: everything before the separator, without leading # comment lines. */
  static String input(String text) {
    int sep = text.indexOf(SEPARATOR);
    String in = sep < 0 ? text : text.substring(0, sep + 1);
    StringBuilder sb = new StringBuilder();
    for (String line : in.split("\n", -1)) {
      if (!line.startsWith("#")) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString().strip() + "\n";
  }

  static String expected(String text) {
    int sep = text.indexOf(SEPARATOR);
    return sep < 0 ? "" : text.substring(sep + SEPARATOR.length());
  }

  static boolean update() {
    return "1".equals(System.getenv("MAILDIAG_GOLDEN_UPDATE"));
  }

  static void write(Path p, String text, String actual) {
    int sep = text.indexOf(SEPARATOR);
    String head = sep < 0 ? (text.endsWith("\n") ? text.substring(0, text.length() - 1) : text) : text.substring(0, sep);
    try {
      Files.writeString(p, head + SEPARATOR + actual, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
