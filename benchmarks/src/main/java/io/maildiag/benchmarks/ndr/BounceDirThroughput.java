package io.maildiag.benchmarks.ndr;

import io.maildiag.core.Diagnostic;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.RecipientResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Messages per second of mail-diag on the messages of a directory, single-threaded: the
 * counterpart of {@code Sisimai->make($dir)} for the side-by-side run in {@code
 * scripts/bench-sisimai.sh}. Not a JMH benchmark (see {@link BounceThroughputBenchmark}); it runs
 * the way the Sisimai side is timed, so the two numbers compare.
 *
 * <p>Each pass analyses every message file of the directory once ({@link BounceMix#files}: the
 * {@code *.eml} files, or all regular, non-empty files; the script gives Sisimai a directory holding
 * exactly those). By default each pass reads the files from disk again, as Sisimai does, through
 * {@link BounceAnalyzer#analyzeFiles} (a few files read, then analysed, as a thread of {@code
 * mail-diag ndr --batch} takes them);
 * {@code --in-memory} reads them once and times the analysis alone; {@code --also-in-memory} times
 * both in one JVM: the rounds from disk, then as many rounds in memory. After a warm-up (the JIT
 * compiles the hot code; Sisimai's side gets one untimed pass to load its modules), it runs a few
 * timed rounds of whole passes and reports the best, as the Sisimai side does. The warm-up is long:
 * on one CPU the JIT compiler shares the core with the benchmark, and the steady state comes after
 * 30 to 90 s. It lasts at least {@code --warmup} seconds (default 40), and goes on while a 5-second
 * window still runs more than 2% faster than the one before, up to {@code --warmup-max} seconds
 * (default 180).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.maildiag.benchmarks.ndr.BounceDirThroughput DIR
 *   [--warmup SECONDS] [--warmup-max SECONDS] [--rounds N] [--seconds SECONDS] [--in-memory | --also-in-memory]
 * java -cp ... BounceDirThroughput --summary DIR      what mail-diag makes of each file
 * java -cp ... BounceDirThroughput --extract-mix DIR  writes the bundled mix into DIR
 * </pre>
 *
 * <p>Each round is timed by the wall clock and by the CPU time of the whole process (JIT compiler
 * and garbage collector included), which is steadier than the wall clock on a busy machine. A timed
 * run ends with {@code MSGS_PER_SEC=<best wall-clock rate>} and {@code MSGS_PER_CPU_SEC=<best
 * CPU-time rate>} for scripts; with {@code --also-in-memory}, the rounds in memory end with {@code
 * MEM_MSGS_PER_SEC=} and {@code MEM_MSGS_PER_CPU_SEC=} as well.
 */
public final class BounceDirThroughput {

  /** The length of one warm-up window, seconds. */
  private static final double WARM_WINDOW = 5;

  /** The gain of one warm-up window over the one before below which the JIT is taken as done. */
  private static final double WARM_GAIN = 0.02;

  private BounceDirThroughput() {}

  /**
   * Runs the measurement.
   *
   * @param args the options and the directory
   * @throws IOException if the directory cannot be read
   */
  public static void main(String[] args) throws IOException {
    double warmup = 40;
    double warmupMax = 180;
    int rounds = 3;
    double seconds = 3;
    boolean inMemory = false;
    boolean alsoInMemory = false;
    boolean summary = false;
    String extract = null;
    String dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Double.parseDouble(value(args, ++i));
        case "--warmup-max" -> warmupMax = Double.parseDouble(value(args, ++i));
        case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
        case "--seconds" -> seconds = Double.parseDouble(value(args, ++i));
        case "--in-memory" -> inMemory = true;
        case "--also-in-memory" -> alsoInMemory = true;
        case "--summary" -> summary = true;
        case "--extract-mix" -> extract = value(args, ++i);
        case "-h", "--help" -> {
          usage();
          return;
        }
        default -> {
          if (args[i].startsWith("-") || dir != null) {
            usage();
            System.exit(2);
          }
          dir = args[i];
        }
      }
    }
    if (extract != null) {
      int n = BounceMix.extract(Path.of(extract));
      System.out.println("wrote " + n + " messages to " + extract);
      return;
    }
    if (dir == null || rounds < 1 || seconds <= 0 || warmup < 0 || warmupMax < 0 || inMemory && alsoInMemory) {
      usage();
      System.exit(2);
    }
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    List<Path> files = BounceMix.files(Path.of(dir));
    if (summary) {
      for (Path p : files) {
        System.out.println(p.getFileName() + "\t" + describe(analyzer.analyze(Files.readAllBytes(p))));
      }
      return;
    }
    run(analyzer, files, warmup, warmupMax, rounds, seconds, inMemory, alsoInMemory);
  }

  private static void run(BounceAnalyzer analyzer, List<Path> files, double warmup, double warmupMax, int rounds, double seconds,
      boolean inMemory, boolean alsoInMemory) throws IOException {
    byte[][] bytes = new byte[files.size()][];
    long total = 0;
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = Files.readAllBytes(files.get(i));
      total += bytes[i].length;
      String name = files.get(i).getFileName().toString();
      BounceAnalysis analysis = analyzer.analyze(bytes[i]);
      requireNoInternalError(name, analysis);
    }
    if (!inMemory) {
      // the timed passes read the files through analyzeFiles: it must give what the bytes give
      List<BounceAnalysis> fromDisk = new ArrayList<>();
      analyzer.analyzeFiles(files, (file, analysis) -> fromDisk.add(analysis));
      for (int i = 0; i < bytes.length; i++) {
        if (!fromDisk.get(i).equals(analyzer.analyze(bytes[i]))) {
          throw new IllegalStateException(files.get(i).getFileName() + ": the file read by analyzeFiles is analysed"
              + " differently");
        }
      }
    }
    List<Path> paths = List.copyOf(files);
    System.out.printf(Locale.ROOT, "mail-diag on %d files (%.1f KB), Java %s, %d CPU(s) available, %s%n",
        bytes.length, total / 1024.0, Runtime.version(), Runtime.getRuntime().availableProcessors(),
        inMemory ? "messages in memory" : "files read from disk in every pass");

    long sink = 0;
    // Warm up for at least `warmup` seconds, then on while the rate of one window of WARM_WINDOW
    // seconds still beats the one before by more than WARM_GAIN, up to `warmupMax` seconds.
    long warmStart = System.nanoTime();
    long warmMin = warmStart + (long) (warmup * 1e9);
    long warmMax = warmStart + (long) (Math.max(warmup, warmupMax) * 1e9);
    int warmPasses = 0;
    double previousRate = 0;
    while (true) {
      long windowStart = System.nanoTime();
      Passes window = passes(analyzer, paths, bytes, inMemory,
          Math.min(windowStart + (long) (WARM_WINDOW * 1e9), warmMax));
      sink += window.sink();
      warmPasses += window.count();
      long now = window.end();
      double rate = window.count() / ((now - windowStart) / 1e9);
      boolean steady = previousRate > 0 && rate < previousRate * (1 + WARM_GAIN);
      if (now >= warmMax || now >= warmMin && steady) {
        break;
      }
      previousRate = rate;
    }
    System.out.printf(Locale.ROOT, "warm-up: %d passes in %.0f s%n", warmPasses,
        (System.nanoTime() - warmStart) / 1e9);

    Rates disk = rounds(analyzer, paths, bytes, inMemory, rounds, seconds, total, "");
    sink += disk.sink();
    Rates memory = null;
    if (alsoInMemory) {
      System.out.println("in memory, the same JVM:");
      memory = rounds(analyzer, paths, bytes, true, rounds, seconds, total, "  ");
      sink += memory.sink();
    }
    report("best", "", disk, " [checksum " + sink + "]");
    if (memory != null) {
      report("best in memory", "MEM_", memory, "");
    }
  }

  /** Prints the best rates as {@code label} and as {@code KEYMSGS_PER_SEC=} and {@code KEYMSGS_PER_CPU_SEC=} for scripts. */
  private static void report(String label, String key, Rates best, String suffix) {
    System.out.printf(Locale.ROOT, "%s: %.0f msgs/s wall (%.1f us per message), %.0f msgs/CPU-s%s%n", label, best.wall(),
        1e6 / best.wall(), best.cpu(), suffix);
    System.out.printf(Locale.ROOT, "%sMSGS_PER_SEC=%.1f%n", key, best.wall());
    System.out.printf(Locale.ROOT, "%sMSGS_PER_CPU_SEC=%.1f%n", key, best.cpu());
  }

  /** The best rates of some timed rounds, by the wall clock and by CPU time, and their checksum. */
  private record Rates(double wall, double cpu, long sink) {}

  /** Runs {@code rounds} timed rounds of whole passes, prints each with {@code indent}, and returns the best. */
  private static Rates rounds(BounceAnalyzer analyzer, List<Path> paths, byte[][] bytes, boolean inMemory, int rounds,
      double seconds, long total, String indent) {
    double best = 0;
    double bestCpu = 0;
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      Passes round = passes(analyzer, paths, bytes, inMemory, start + (long) (seconds * 1e9));
      sink += round.sink();
      long passes = round.count();
      double cpu = (processCpuNanos() - cpuStart) / 1e9;
      double elapsed = (round.end() - start) / 1e9;
      long msgs = passes * bytes.length;
      double rate = msgs / elapsed;
      double cpuRate = cpu > 0 ? msgs / cpu : 0;
      System.out.printf(Locale.ROOT, "%sround %d: %d messages in %.2f s wall, %.2f s CPU = %.0f msgs/s wall, %.0f msgs/CPU-s,"
          + " %.1f MB/s%n", indent, r + 1, msgs, elapsed, cpu, rate, cpuRate, passes * total / elapsed / 1e6);
      best = Math.max(best, rate);
      bestCpu = Math.max(bestCpu, cpuRate);
    }
    return new Rates(best, bestCpu, sink);
  }

  /**
   * CPU time of the whole process (all threads: the JIT compiler and the garbage collector too),
   * in nanoseconds; 0 when the JVM does not tell.
   */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  /**
   * Whole passes run until {@code deadline} ({@link System#nanoTime()}): how many, when the last
   * ended, and a value that depends on every result.
   */
  private record Passes(int count, long end, long sink) {}

  /** Runs whole passes, at least one, until {@code deadline} ({@link System#nanoTime()}) is past. */
  private static Passes passes(BounceAnalyzer analyzer, List<Path> paths, byte[][] bytes, boolean inMemory,
      long deadline) {
    int count = 0;
    long sink = 0;
    long now;
    do {
      sink += pass(analyzer, paths, bytes, inMemory);
      count++;
      now = System.nanoTime();
    } while (now < deadline);
    return new Passes(count, now, sink);
  }

  /**
   * One pass over all files; returns a value that depends on every result. From disk, the files are
   * read and analysed by {@link BounceAnalyzer#analyzeFiles}, a few at a time, as a thread of {@code
   * mail-diag ndr --batch} takes them.
   */
  private static long pass(BounceAnalyzer analyzer, List<Path> paths, byte[][] bytes, boolean inMemory) {
    long sink = 0;
    if (inMemory) {
      for (byte[] message : bytes) {
        sink += checksum(analyzer.analyze(message));
      }
      return sink;
    }
    Sink files = new Sink();
    analyzer.analyzeFiles(paths, files);
    return files.sum;
  }

  /** Adds up the checksums of the analyses {@link BounceAnalyzer#analyzeFiles} hands on. */
  private static final class Sink implements BiConsumer<Path, BounceAnalysis> {
    long sum;

    @Override
    public void accept(Path file, BounceAnalysis analysis) {
      sum += checksum(analysis);
    }
  }

  private static long checksum(BounceAnalysis a) {
    return a.kind().ordinal() * 31L + a.recipients().size() + a.format().length();
  }

  /** Fails if the analysis reports an internal failure: a benchmark must not time an exception path. */
  static void requireNoInternalError(String name, BounceAnalysis a) {
    for (Diagnostic d : a.diagnostics()) {
      if (d.code().equals(BounceAnalyzer.INTERNAL_ERROR)) {
        throw new IllegalStateException(name + ": the analyzer failed internally: " + d.message());
      }
    }
  }

  /** One line: kind, format, and each recipient with its status and reason. */
  static String describe(BounceAnalysis a) {
    List<String> rcpts = new ArrayList<>();
    for (RecipientResult r : a.recipients()) {
      rcpts.add(r.recipient() + " " + r.action() + " " + r.status().map(Object::toString).orElse("-") + " "
          + r.reason().jsonName());
    }
    return a.kind().jsonName() + "\t" + a.format() + "\t" + String.join(", ", rcpts);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage();
      System.exit(2);
    }
    return args[i];
  }

  private static void usage() {
    System.err.println("usage: BounceDirThroughput [--warmup SECONDS] [--warmup-max SECONDS] [--rounds N]"
        + " [--seconds SECONDS] [--in-memory | --also-in-memory] DIR\n"
        + "         (defaults: --warmup 40 --warmup-max 180 --rounds 3 --seconds 3; files re-read from disk in"
        + " every pass)\n"
        + "       BounceDirThroughput --summary DIR\n"
        + "       BounceDirThroughput --extract-mix DIR");
  }
}
