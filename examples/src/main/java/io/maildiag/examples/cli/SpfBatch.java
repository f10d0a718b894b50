package io.maildiag.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.spf.SpfChecker;
import io.maildiag.dns.spf.SpfRequest;
import io.maildiag.examples.render.Json;
import io.maildiag.examples.render.SpfJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The batch mode of {@code mail-diag spf}: reads {@code IP<TAB>SENDER[<TAB>HELO]} lines, evaluates
 * them concurrently on a small pool and prints one JSON object per evaluated line, strictly in
 * input order.
 *
 * <p>Output streams: each object is printed as soon as it and every earlier line are done, and at
 * most about {@link #window()} lines are in flight (read, evaluating or waiting for an earlier line)
 * at any time, so memory stays bounded however long the input is. A line that
 * cannot be evaluated (wrong number of fields, bad IP, too long) becomes an object with {@code
 * "error"} and a null {@code "result"}; nothing in a line stops the batch.
 */
final class SpfBatch {

  /** The number of evaluations run at once. */
  static final int DEFAULT_THREADS = 8;

  /** Lines in flight per thread: enough to keep every thread busy behind a slow line. */
  private static final int WINDOW_PER_THREAD = 8;

  /** The longest line read, in characters ({@link Limits#maxLineLength()}); longer ones are errors. */
  static final int MAX_LINE_LENGTH = Limits.defaults().maxLineLength();

  private final SpfChecker checker;
  private final int threads;

  SpfBatch(SpfChecker checker, int threads) {
    this.checker = checker;
    this.threads = threads;
  }

  /** Returns how many lines may be in flight at once. */
  int window() {
    return threads * WINDOW_PER_THREAD;
  }

  /**
   * Evaluates every line of {@code input} and prints the objects on {@code out}, in input order.
   *
   * <p>A reader thread reads lines and hands each to the pool; this thread prints the results in
   * input order as soon as each is ready, so output keeps pace with slow input (a pipe from a live
   * log) and the reader waits when {@link #window()} lines are in flight.
   *
   * @throws InputException if reading the input fails part way (the lines before it are printed),
   *     or standard output cannot be written
   */
  void run(Input input, PrintWriter out) throws InputException {
    new OrderedBatch<Item>("mail-diag-spf-batch", threads, window()).run(
        () -> {
          try {
            for (Line line = input.next(); line != null; line = input.next()) {
              if (!line.skipped()) {
                return item(line);
              }
            }
            return null;
          } catch (IOException e) {
            throw new InputException(
                input.name() + ": read error after line " + input.lineNumber() + ": " + e.getMessage());
          }
        },
        item -> item.done() != null
            ? item.done()
            : Json.line(SpfJson.evaluation(item.node(), checker.check(item.request()))),
        // A bug in the evaluation of one line must not stop the others; report it on that line.
        (item, e) -> error(item.node(), item.ip(), item.sender(), item.helo(), ErrorHandlers.message(e)),
        out);
  }

  /**
   * One line to evaluate, parsed on the reader thread.
   *
   * @param node the object of the line, with its number
   * @param done the one-line JSON of a line that cannot be evaluated, or null
   * @param request the request of a line that can be evaluated, or null
   */
  private record Item(ObjectNode node, String ip, String sender, String helo, String done, SpfRequest request) {}

  private static Item item(Line line) {
    ObjectNode node = Json.object();
    node.put("line", line.number());
    if (line.tooLong()) {
      return new Item(node, null, null, null, error(node, null, null, null,
          "line longer than " + MAX_LINE_LENGTH + " characters"), null);
    }
    String[] fields = line.text().split("\t", -1);
    String ip = fields[0].strip();
    String sender = fields.length > 1 ? SpfCommand.reversePath(fields[1]) : null;
    String helo = fields.length > 2 ? fields[2].strip() : null;
    if (fields.length < 2 || fields.length > 3) {
      return new Item(node, ip, sender, helo, error(node, ip, sender, helo,
          "expected 2 or 3 tab-separated fields (IP, SENDER, HELO), found " + fields.length
              + (fields.length == 1 && line.text().strip().indexOf(' ') > 0 ? " (fields are separated by tabs, not spaces)" : "")), null);
    }
    ParseResult<IpAddress> address = IpAddress.parse(ip);
    if (address.value().isEmpty()) {
      return new Item(node, ip, sender, helo, error(node, ip, sender, helo,
          InputException.forArgument("IP address", ip, address.errors().get(0)).getMessage()), null);
    }
    SpfRequest request = SpfRequest.mailFrom(address.value().get(), sender, helo == null ? "" : helo);
    return new Item(node, ip, sender, helo, null, request);
  }

  /** Returns the one-line JSON of a line that could not be evaluated. */
  private static String error(ObjectNode node, String ip, String sender, String helo, String message) {
    node.put("result", (String) null);
    node.put("explanation", (String) null);
    node.put("ip", ip);
    node.put("sender", sender);
    node.put("helo", helo);
    node.put("error", message);
    return Json.line(node);
  }

  /**
   * Opens the batch input: a file, or standard input for {@code -}.
   *
   * @throws InputException if the file does not exist or cannot be read
   */
  static Input open(String name, InputStream stdin) throws InputException {
    if (name.equals("-")) {
      return new Input("standard input", reader(stdin), false);
    }
    Path path;
    try {
      path = Path.of(name);
    } catch (InvalidPathException e) {
      throw new InputException("invalid batch file name '" + name + "': " + e.getReason());
    }
    if (Files.isDirectory(path)) {
      throw new InputException(name + ": is a directory, not a batch file");
    }
    try {
      return new Input(name, reader(Files.newInputStream(path)), true);
    } catch (NoSuchFileException e) {
      throw new InputException(name + ": no such file");
    } catch (AccessDeniedException e) {
      throw new InputException(name + ": permission denied");
    } catch (IOException | SecurityException e) {
      throw new InputException(name + ": cannot read: " + e.getMessage());
    }
  }

  private static BufferedReader reader(InputStream in) {
    // InputStreamReader replaces malformed UTF-8 with U+FFFD instead of failing.
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /**
   * One line of input.
   *
   * @param number the 1-based line number
   * @param text the line without its line break (at most the maximum line length)
   * @param tooLong whether the line was longer than the maximum and was cut
   */
  record Line(int number, String text, boolean tooLong) {
    /** Returns whether the line is skipped: blank, or a comment starting with {@code #}. */
    boolean skipped() {
      return !tooLong && (text.isBlank() || text.startsWith("#"));
    }
  }

  /** The batch input, read line by line with a bound on the length of a line. */
  static final class Input implements AutoCloseable {
    private final String name;
    private final Reader reader;
    private final boolean close;
    private int lineNumber;
    private boolean eof;

    Input(String name, Reader reader, boolean close) {
      this.name = name;
      this.reader = reader;
      this.close = close;
    }

    /** Returns the name for messages: the file name or {@code standard input}. */
    String name() {
      return name;
    }

    /** Returns the number of the last line read. */
    int lineNumber() {
      return lineNumber;
    }

    /**
     * Returns the next line, or null at the end. A line ends at LF or CRLF; a line longer than the
     * maximum is cut and marked, and the rest of it is skipped without being held in memory.
     */
    Line next() throws IOException {
      if (eof) {
        return null;
      }
      StringBuilder sb = new StringBuilder();
      boolean tooLong = false;
      int c;
      while ((c = reader.read()) != -1 && c != '\n') {
        if (sb.length() < MAX_LINE_LENGTH + 1) {
          sb.append((char) c);
        } else {
          tooLong = true;
        }
      }
      if (c == -1) {
        eof = true;
        if (sb.length() == 0 && !tooLong) {
          return null;
        }
      }
      lineNumber++;
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
        sb.setLength(sb.length() - 1);
      }
      if (sb.length() > MAX_LINE_LENGTH) {
        tooLong = true;
        sb.setLength(MAX_LINE_LENGTH);
      }
      if (lineNumber == 1 && sb.length() > 0 && sb.charAt(0) == '\uFEFF') {
        sb.deleteCharAt(0);   // a byte order mark
      }
      return new Line(lineNumber, sb.toString(), tooLong);
    }

    @Override
    public void close() {
      if (close) {
        try {
          reader.close();
        } catch (IOException e) {
          // Nothing was written to it; a failure to close a file read to the end changes nothing.
        }
      }
    }
  }
}
