package io.maildiag.benchmarks.ndr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The messages a bounce benchmark runs on: the bundled mix, or the files of a directory.
 *
 * <p>The bundled mix ({@value #MIX_DIR} on the class path, listed in {@value #MIX_INDEX}) is 50
 * synthetic messages modelled on what a bounce mailbox receives: RFC 3464 reports from Postfix,
 * Sendmail, Exim and Courier, Microsoft 365 and Exchange reports (HTML and text alternatives,
 * quoted-printable), Gmail reports with an inline image, qmail, Exim, Yahoo and OpenSMTPD prose
 * bounces, Amazon SES (report and JSON notification), delay and success notices, automatic replies,
 * ARF feedback reports and a forwarded bounce; with returned messages as full copies, headers only
 * or none, some carrying base64 attachments; 0.8 KB to 60 KB, median 4 KB. Every person, host and
 * address is made up (example.com, .net, .org and documentation IP ranges); provider system names
 * (googlemail.com, outlook.com, amazonses.com) appear only where the real format carries them.
 *
 * <p>A directory is read as {@code scripts/bench-sisimai.sh} gives it to Sisimai: its {@code *.eml}
 * files, or every regular, non-empty file when it has none; in name order.
 */
public final class BounceMix {

  /** The class-path directory of the bundled mix. */
  public static final String MIX_DIR = "/io/maildiag/benchmarks/ndr/mix/";
  /** The class-path file listing the bundled mix, one file name a line. */
  public static final String MIX_INDEX = "/io/maildiag/benchmarks/ndr/mix.txt";

  /** One message: its file name and its bytes. */
  public record Sample(String name, byte[] bytes) {}

  private BounceMix() {}

  /** Loads the bundled mix from the class path. */
  public static List<Sample> bundled() {
    List<Sample> out = new ArrayList<>();
    for (String name : resourceText(MIX_INDEX).split("\n")) {
      String n = name.strip();
      if (!n.isEmpty() && !n.startsWith("#")) {
        out.add(new Sample(n, resourceBytes(MIX_DIR + n)));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException(MIX_INDEX + " lists no message");
    }
    return List.copyOf(out);
  }

  /** Loads the bundled mix when {@code dir} is empty, else every file of {@code dir}. */
  public static List<Sample> load(String dir) {
    return dir == null || dir.isBlank() ? bundled() : directory(Path.of(dir));
  }

  /** Loads the messages of {@code dir} (see {@link #files}). */
  public static List<Sample> directory(Path dir) {
    List<Sample> out = new ArrayList<>();
    for (Path p : files(dir)) {
      try {
        out.add(new Sample(p.getFileName().toString(), Files.readAllBytes(p)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p, e);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Lists the message files of {@code dir} (not of its subdirectories), in name order: its regular,
   * non-empty {@code *.eml} files, or all its regular, non-empty files when none is named so.
   */
  public static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(Files::isRegularFile).filter(p -> {
        try {
          return Files.size(p) > 0;
        } catch (IOException e) {
          return false;
        }
      }).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
      List<Path> eml = files.stream().filter(p -> p.getFileName().toString().endsWith(".eml")).toList();
      if (!eml.isEmpty()) {
        return eml;
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException("no file in " + dir);
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** Writes the bundled mix into {@code dir} (created if missing); returns the number of files. */
  public static int extract(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Sample> mix = bundled();
    for (Sample s : mix) {
      Files.write(dir.resolve(s.name()), s.bytes());
    }
    return mix.size();
  }

  private static String resourceText(String name) {
    return new String(resourceBytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] resourceBytes(String name) {
    try (InputStream in = BounceMix.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read class-path resource " + name, e);
    }
  }
}
