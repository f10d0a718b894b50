package io.maildiag.examples.cli;

import io.maildiag.examples.render.Json;
import io.maildiag.examples.render.NdrJson;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The batch mode of {@code mail-diag ndr}, and reading the messages of every mode.
 *
 * <p>{@link #list} takes the regular files directly in a directory, sorted by name; {@link #run}
 * analyses them concurrently with one shared {@link BounceAnalyzer} on a small pool and prints one
 * JSON object per file, strictly in that order. The files go to the pool in runs of consecutive
 * files ({@link #runLength}, up to {@value #MAX_RUN}): handing each file on by itself cost as much
 * thread switching as analysing it. A thread reads all the files of its run before it analyses
 * them (see {@link #lines(Run)}). Output streams: each run is printed as soon as it and every
 * earlier one are done, and at most {@link #window()} files are in flight (being analysed or waiting
 * for an earlier run), and runs of at most about one MiB of input per unit of the window ({@link
 * #weight}; a larger file is in flight alone or with few others), so memory stays bounded however
 * many files there are and however large they are. A file that cannot be read becomes {@code
 * {"file": NAME, "error": MESSAGE}}; nothing in one file stops the batch.
 */
final class NdrBatch {

  /** Runs in flight per thread: enough to keep every thread busy behind a slow file. */
  private static final int RUNS_PER_THREAD = 4;

  /** The most files in one run. */
  static final int MAX_RUN = 32;

  private static final String LINE_SEPARATOR = System.lineSeparator();

  /** Orders files by name, character by character (as {@code LC_ALL=C ls} does for ASCII names). */
  static final Comparator<Path> BY_NAME = Comparator.comparing(p -> p.getFileName().toString());

  private final BounceAnalyzer analyzer;
  private final int threads;

  NdrBatch(BounceAnalyzer analyzer, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.analyzer = analyzer;
    this.threads = threads;
  }

  /** Returns the default number of files analysed at once: one per processor, 2 to 16. */
  static int defaultThreads() {
    return Math.max(2, Math.min(16, Runtime.getRuntime().availableProcessors()));
  }

  /** Returns how many files may be in flight at once, at most. */
  int window() {
    return threads * RUNS_PER_THREAD * MAX_RUN;
  }

  /**
   * Returns how many consecutive files go to a thread together: enough files for every thread to
   * get several runs, up to {@link #MAX_RUN}, and at least one.
   */
  static int runLength(int files, int threads) {
    return Math.max(1, Math.min(MAX_RUN, files / (threads * RUNS_PER_THREAD)));
  }

  /**
   * Returns the regular files directly in {@code dir} (symbolic links to regular files included,
   * subdirectories and everything in them excluded), sorted by {@link #BY_NAME name}.
   *
   * @throws InputException if {@code dir} does not exist, is not a directory or cannot be listed
   */
  static List<Path> list(String dir) throws InputException {
    if (dir.isEmpty()) {
      // an unset shell variable ("--batch $DIR"): not the current directory
      throw new InputException("the directory name is empty");
    }
    Path path;
    try {
      path = Path.of(dir);
    } catch (InvalidPathException e) {
      throw new InputException("invalid directory name '" + dir + "': " + e.getReason());
    }
    if (!Files.exists(path)) {
      throw new InputException(dir + ": no such directory");
    }
    if (!Files.isDirectory(path)) {
      throw new InputException(dir + ": not a directory (to analyse one message, give it without --batch)");
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry)) {
          files.add(entry);
        }
      }
    } catch (AccessDeniedException e) {
      throw new InputException(dir + ": permission denied");
    } catch (NotDirectoryException e) {
      throw new InputException(dir + ": not a directory");
    } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
      throw new InputException(dir + ": cannot list: " + e.getMessage());
    }
    files.sort(BY_NAME);
    return files;
  }

  /**
   * Analyses every file and prints the objects on {@code out}, in the order given.
   *
   * @throws InputException if standard output cannot be written (the batch stops)
   */
  void run(List<Path> files, PrintWriter out) throws InputException {
    new OrderedBatch<Run>("mail-diag-ndr-batch", threads, threads * RUNS_PER_THREAD)
        .run(OrderedBatch.Source.of(runs(files, runLength(files.size(), threads))), Run::weight,
            this::lines,
            // line() reports a failure in one file on that file; this is for one outside them
            (run, e) -> lines(run.files(), file -> Json.line(NdrJson.error(name(file), ErrorHandlers.message(e)))),
            out);
  }

  /** Consecutive files that go to a thread together, and their bytes (a file that cannot be read counts 0). */
  record Run(List<Path> files, long bytes) {
    /** The part of the window the run holds while in flight; see {@link NdrBatch#weight(long)}. */
    int weight() {
      return NdrBatch.weight(bytes);
    }
  }

  /**
   * Cuts {@code files} into runs: {@code length} files, or fewer where they reach {@link
   * #WEIGHT_UNIT} bytes. A large file (an mbox) is a run of its own, so that its line, which can be
   * several times its size, is never joined with others. Each file's size is read once.
   */
  static List<Run> runs(List<Path> files, int length) {
    List<Run> runs = new ArrayList<>(files.size() / length + 1);
    int start = 0;
    long bytes = 0;
    for (int i = 0; i < files.size(); i++) {
      long size = size(files.get(i));
      if (i > start && (i - start == length || bytes + size > WEIGHT_UNIT)) {
        runs.add(new Run(files.subList(start, i), bytes));
        start = i;
        bytes = 0;
      }
      bytes += size;
    }
    if (start < files.size()) {
      runs.add(new Run(files.subList(start, files.size()), bytes));
    }
    return runs;
  }

  /** The size of {@code file}, or 0 when it cannot be read (its own line reports that). */
  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException | SecurityException e) {
      return 0;
    }
  }

  /** The bytes of input one unit of the window stands for (see {@link #weight}). */
  static final long WEIGHT_UNIT = 1 << 20;

  /**
   * The part of the window a run of files of {@code bytes} in all holds while in flight: one unit
   * per started MiB, at least one. A run of bounces weighs one; a large mbox file, whose line lists
   * every recipient of thousands of messages, holds the window (or all of it) alone, so the lines
   * waiting to be printed stay within about {@link #WEIGHT_UNIT} bytes of input per unit of the
   * window.
   */
  static int weight(long bytes) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes + WEIGHT_UNIT - 1) / WEIGHT_UNIT));
  }

  /** Returns the line of each file of a run, joined by line separators. */
  private static String lines(List<Path> run, Function<Path, String> line) {
    StringBuilder text = new StringBuilder(run.size() * 1024);
    for (Path file : run) {
      if (text.length() > 0) {
        text.append(LINE_SEPARATOR);
      }
      text.append(line.apply(file));
    }
    return text.toString();
  }

  /**
   * Returns the lines of a run: reads every file of the run, then analyses them in turn. Reading
   * the files of a run together, rather than each just before its analysis, gives about a tenth
   * more messages per second on one CPU (the kernel's reads presumably displace the analysis's code
   * and tables once per run, not once per message). At most about a MiB of input is read ahead, or
   * one larger file, whatever the sizes were when the files were listed.
   */
  private String lines(Run run) {
    List<Path> files = run.files();
    MessageFile[] read = new MessageFile[files.size()];
    StringBuilder text = new StringBuilder(read.length * 1024);
    int start = 0;
    while (start < read.length) {
      // the sizes that cut the run were those of the listing: a file may have grown since, or not
      // have told its size, so reading stops for an analysis once a MiB has been read
      int end = start;
      long bytes = 0;
      while (end < read.length && bytes < WEIGHT_UNIT) {
        read[end] = read(files.get(end));
        bytes += read[end].bytes() != null ? read[end].bytes().length : 0;
        end++;
      }
      for (int i = start; i < end; i++) {
        if (i > 0) {
          text.append(LINE_SEPARATOR);
        }
        text.append(line(files.get(i), read[i]));
        read[i] = null;
      }
      start = end;
    }
    return text.toString();
  }

  /** Reads one file of a run; never throws for a file that cannot be read or is too large for the heap. */
  private MessageFile read(Path file) {
    try {
      // listed as a regular file; replaced since by a FIFO, it would block the batch
      String skipped = skipped(file);
      return skipped != null ? MessageFile.failed(skipped) : MessageFile.read(file, readLimit(analyzer));
    } catch (RuntimeException | OutOfMemoryError e) {
      return MessageFile.failed(ErrorHandlers.message(e));
    }
  }

  /** Returns the JSON line of one file, read. */
  private String line(Path file, MessageFile read) {
    try {
      return Json.line(read.bytes() != null
          ? NdrJson.analysis(name(file), analyzer.analyzeEach(read.bytes()))
          : NdrJson.error(name(file), read.error()));
    } catch (RuntimeException | OutOfMemoryError e) {
      // A bug in the analysis of one file, or a file too large for the heap, must not stop the
      // others; report it on that file.
      return Json.line(NdrJson.error(name(file), ErrorHandlers.message(e)));
    }
  }

  /**
   * The most bytes of a file read for {@code analyzer}: its input limit and one, so that it sees a
   * longer file as too large, as when it reads the file itself.
   */
  static long readLimit(BounceAnalyzer analyzer) {
    // the analyzer's own cap is Integer.MAX_VALUE - 16 (its largest array); one byte more tells a longer file
    return Math.min(analyzer.limits().maxInputBytes(), Integer.MAX_VALUE - 16L) + 1;
  }

  /** The error of a file that is no longer a regular file when its turn comes. */
  static final String NOT_REGULAR = "no longer a regular file";

  /** The error of a file of the kernel's (/proc, /sys) that tells no length. */
  static final String KERNEL_FILE = "a file of /proc or /sys, not a message (reading it could block)";

  /**
   * Why a batch does not read {@code file}, or null: it is there and is not a regular file (a FIFO
   * that took a listed file's place would block its read), or it is a file of {@code /proc} or
   * {@code /sys} that tells no length, reached through a link (some, such as {@code /proc/kmsg},
   * look like regular files and block a read until the kernel writes). Such a file given alone on
   * the command line is read, as {@code cat} would. A file that is gone, or cannot be looked at, is
   * left to the read, which says why.
   */
  static String skipped(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (!attributes.isRegularFile()) {
      return NOT_REGULAR;
    }
    // an empty file is rare: only for one does the real path's lookup cost the batch anything
    return attributes.size() == 0 && ofTheKernel(file) ? KERNEL_FILE : null;
  }

  /** Whether the real path of {@code file} is in {@code /proc} or {@code /sys}. */
  private static boolean ofTheKernel(Path file) {
    try {
      Path real = file.toRealPath();
      return real.startsWith("/proc") || real.startsWith("/sys");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Returns the name of a file in the batch output: its name without the directory. */
  static String name(Path file) {
    return file.getFileName().toString();
  }

  /**
   * Reads and analyses one message file: one analysis, or one per message of an mbox file.
   *
   * @param name the file as given, for messages
   * @throws InputException if the file cannot be read: {@code NAME: no such file}
   */
  static List<BounceAnalysis> analyze(BounceAnalyzer analyzer, String name) throws InputException {
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
    MessageFile read = MessageFile.read(path, readLimit(analyzer));
    if (read.bytes() == null) {
      throw new InputException(name + ": " + read.error());
    }
    return analyzer.analyzeEach(read.bytes());
  }

  /**
   * Analyses the message read from {@code in} (standard input): one analysis, or one per message of
   * an mbox file.
   *
   * @throws InputException if reading fails
   */
  static List<BounceAnalysis> analyze(BounceAnalyzer analyzer, InputStream in, String name) throws InputException {
    Watched watched = new Watched(in);
    List<BounceAnalysis> analyses = analyzer.analyzeEach(watched);
    if (watched.failure != null) {
      throw new InputException(name + ": read error: " + MessageFile.detail(watched.failure));
    }
    return analyses;
  }

  /**
   * A stream that remembers the first read failure: {@link BounceAnalyzer#analyze(InputStream)}
   * turns one into a diagnostic and analyses what it read, but the CLI reports an unreadable file
   * as bad input.
   */
  private static final class Watched extends FilterInputStream {
    IOException failure;

    Watched(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }
  }
}
