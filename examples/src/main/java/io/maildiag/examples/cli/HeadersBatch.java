package io.maildiag.examples.cli;

import io.maildiag.core.Limits;
import io.maildiag.examples.render.HeadersJson;
import io.maildiag.examples.render.Json;
import io.maildiag.headers.report.HeaderAnalyzer;
import io.maildiag.headers.report.HeaderReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The batch mode of {@code mail-diag headers}, and reading the messages of both modes. The same
 * pattern as {@link NdrBatch}: the files of {@link NdrBatch#list} analysed concurrently with one
 * shared {@link HeaderAnalyzer} on a small pool, printed strictly in name order as soon as each and
 * every earlier one are done, with at most {@link #window()} files in flight. A file that cannot be
 * read becomes {@code {"file": NAME, "error": MESSAGE}}; nothing in one file stops the batch.
 */
final class HeadersBatch {

  private static final int WINDOW_PER_THREAD = 4;

  private final HeaderAnalyzer analyzer;
  private final int threads;

  HeadersBatch(HeaderAnalyzer analyzer, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.analyzer = analyzer;
    this.threads = threads;
  }

  /** Returns how many files may be in flight at once. */
  int window() {
    return threads * WINDOW_PER_THREAD;
  }

  /**
   * Analyses every file and prints the objects on {@code out}, in the order given.
   *
   * @throws InputException if standard output cannot be written (the batch stops)
   */
  void run(List<Path> files, PrintWriter out) throws InputException {
    new OrderedBatch<Path>("mail-diag-headers-batch", threads, window()).run(OrderedBatch.Source.of(files),
        file -> {
          // listed as a regular file; replaced since by a FIFO, it would block the batch
          String skipped = NdrBatch.skipped(file);
          MessageFile read = skipped != null ? MessageFile.failed(skipped) : read(file);
          return Json.line(read.bytes() != null
              ? HeadersJson.report(NdrBatch.name(file), analyzer.analyze(read.bytes()))
              : HeadersJson.error(NdrBatch.name(file), read.error()));
        },
        (file, e) -> Json.line(HeadersJson.error(NdrBatch.name(file), ErrorHandlers.message(e))),
        out);
  }

  /** Reads a message: at most {@link Limits#maxInputBytes()} of {@code in}. */
  private static byte[] readMessage(InputStream in) throws IOException {
    return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Limits.defaults().maxInputBytes()));
  }

  /** Reads at most {@link Limits#maxInputBytes()} of a file; never throws for an unreadable file. */
  static MessageFile read(Path file) {
    return MessageFile.read(file, Limits.defaults().maxInputBytes());
  }

  /**
   * Reads one message from standard input, at most {@link Limits#maxInputBytes()}.
   *
   * @throws InputException if reading fails
   */
  static HeaderReport analyze(HeaderAnalyzer analyzer, InputStream in) throws InputException {
    try {
      return analyzer.analyze(readMessage(in));
    } catch (IOException e) {
      throw new InputException("standard input: read error: " + MessageFile.detail(e));
    }
  }

  /**
   * Reads one message file given on the command line.
   *
   * @throws InputException if it cannot be read or is a directory
   */
  static HeaderReport analyze(HeaderAnalyzer analyzer, String name) throws InputException {
    if (name.isEmpty()) {
      throw new InputException("the file name is empty");
    }
    Path path;
    try {
      path = Path.of(name);
    } catch (InvalidPathException e) {
      throw new InputException("invalid file name '" + name + "': " + e.getReason());
    }
    if (Files.isDirectory(path)) {
      throw new InputException(name + ": is a directory, not a message (use --batch DIR to analyse"
          + " every file in it)");
    }
    MessageFile read = read(path);
    if (read.bytes() == null) {
      throw new InputException(name + ": " + read.error());
    }
    return analyzer.analyze(read.bytes());
  }
}
