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
 * {@link BounceAnalyzer#analyzeFiles} (runs of files read, then analysed);
 * {@code --in-memory} reads them once and times the analysis alone; {@code --also-in-memory} times
 * both in one JVM: the rounds from disk, then as many rounds in memory. After a warm-up (the JIT
 * compiles the hot code; Sisimai's side gets one untimed pass to load its modules), it runs a few
 * timed rounds of whole passes and reports the best, as the Sisimai side does. The warm-up is long:
 * on one CPU the JIT compiler shares the core with the benchmark, and the steady state comes after
 * 30 to 90 s. It lasts at least {@code --warmup} seconds (default 40), and goes on while a 5-second
 * window still runs more than 2% faster than the one before, up to {@code --warmup-max} seconds
 * (default 180).
 *
 * <p>With {@code --pairs N} and a peer's command after {@code --peer} (the last option), it then
 * runs N pairs of rounds in turn with that process, which times its own rounds on the same files
 * ({@link #paired}): the script runs Sisimai so, and the median ratio of the pairs is the steadiest
 * figure on a machine whose speed drifts, since each pair's two rounds see it alike.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.maildiag.benchmarks.ndr.BounceDirThroughput DIR
 *   [--warmup SECONDS] [--warmup-max SECONDS] [--rounds N] [--seconds SECONDS] [--in-memory | --also-in-memory]
 *   [--pairs N DIR --peer COMMAND...]
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
    int pairs = 0;
    List<String> peer = List.of();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--peer")) {
        peer = List.of(args).subList(i + 1, args.length); // the rest of the line is the peer's command
        break;
      }
      switch (args[i]) {
        case "--warmup" -> warmup = Double.parseDouble(value(args, ++i));
        case "--warmup-max" -> warmupMax = Double.parseDouble(value(args, ++i));
        case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
        case "--seconds" -> seconds = Double.parseDouble(value(args, ++i));
        case "--in-memory" -> inMemory = true;
        case "--also-in-memory" -> alsoInMemory = true;
        case "--summary" -> summary = true;
        case "--pairs" -> pairs = Integer.parseInt(value(args, ++i));
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
    if (dir == null || rounds < 1 || seconds <= 0 || warmup < 0 || warmupMax < 0 || inMemory && alsoInMemory
        || pairs < 0 || pairs > 0 && (peer.isEmpty() || inMemory)) {
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
    if (pairs == 0) {
      run(analyzer, files, warmup, warmupMax, rounds, seconds, inMemory, alsoInMemory);
      return;
    }
    // the peer is started before the warm-up: the classes that talk to it are then loaded before the
    // JIT compiles the analysis (a class loaded later can make the JVM drop compiled code and compile
    // it again, which on one CPU slows the next rounds several times over)
    try (Peer p = Peer.start(peer)) {
      run(analyzer, files, warmup, warmupMax, rounds, seconds, inMemory, alsoInMemory);
      paired(analyzer, files, pairs, seconds, p);
    }
  }

  /** A peer process of {@link #paired}: its command, and its output and input as text. */
  private record Peer(List<String> command, Process process, java.io.BufferedReader in, java.io.Writer out)
      implements AutoCloseable {

    /** Starts {@code command} and waits for its {@code READY} line, passing on what it prints before. */
    static Peer start(List<String> command) throws IOException {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      Peer peer = new Peer(command, p, new java.io.BufferedReader(
          new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)),
          new java.io.OutputStreamWriter(p.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8));
      String line;
      while ((line = peer.in.readLine()) != null && !line.equals("READY")) {
        System.out.println("peer: " + line);
      }
      if (line == null) {
        peer.close();
        throw new IOException("the peer " + command + " ended before it was ready");
      }
      return peer;
    }

    /** One round of the peer: its wall-clock and CPU-time rates. */
    double[] round() throws IOException {
      out.write('\n');
      out.flush();
      String line = in.readLine();
      if (line == null) {
        throw new IOException("the peer " + command + " ended");
      }
      double wall = field(line, "MSGS_PER_SEC=");
      double cpu = field(line, "MSGS_PER_CPU_SEC=");
      if (!(wall > 0)) {
        throw new IOException("the peer gave no rate: " + line);
      }
      return new double[] {wall, cpu};
    }

    @Override
    public void close() {
      try {
        out.close(); // the peer reads the end of its input and ends
      } catch (IOException e) {
        // it ended already
      }
      process.destroy();
    }
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

  /**
   * Rounds taken in turn with a peer process on the same files, so that both see the machine as it
   * is at that moment: the peer (started by {@link Peer#start} before the warm-up) prints a line
   * {@code READY} once it is ready, then for each line it reads runs one round of its own and prints {@code
   * MSGS_PER_SEC=<wall-clock rate> MSGS_PER_CPU_SEC=<CPU-time rate>}. Each of {@code pairs} pairs is
   * a round of the peer and a round here (from disk, {@code seconds} long), the peer first in every
   * other pair; each pair gives a ratio, and the median of the ratios is printed as {@code
   * PAIRED_RATIO=} (wall clock) and {@code PAIRED_CPU_RATIO=}. Called after the warm-up, so the
   * rounds here run compiled code. The CPU time this JVM takes while the peer runs is printed too:
   * it is taken from the peer, and should be near nothing.
   */
  static void paired(BounceAnalyzer analyzer, List<Path> files, int pairs, double seconds, Peer peer)
      throws IOException {
    List<Path> paths = List.copyOf(files);
    double[] wall = new double[pairs];
    double[] cpu = new double[pairs];
    double[] busy = new double[pairs];
    System.out.println("paired rounds (the peer and mail-diag in turn, files read from disk):");
    for (int i = 0; i < pairs; i++) {
      double[] mine = null;
      double[] theirs = null;
      for (int k = 0; k < 2; k++) {
        if ((k == 0) == (i % 2 == 0)) {
          long jvmCpu = processCpuNanos();
          long start = System.nanoTime();
          theirs = peer.round();
          // this JVM should be idle meanwhile; CPU it used then (the JIT compiler, say) was taken from the peer
          busy[i] = (processCpuNanos() - jvmCpu) / (double) Math.max(1, System.nanoTime() - start);
        } else {
          Round round = Round.time(analyzer, paths, new byte[0][], false, seconds);
          mine = new double[] {round.rate(), round.cpuRate()};
        }
      }
      wall[i] = mine[0] / theirs[0];
      cpu[i] = theirs[1] > 0 && mine[1] > 0 ? mine[1] / theirs[1] : 0;
      System.out.printf(Locale.ROOT, "  pair %d: peer %.1f msgs/s (%.1f msgs/CPU-s), mail-diag %.0f msgs/s (%.0f msgs/CPU-s):"
          + " %.1f x (%.1f x by CPU time); this JVM's CPU during the peer's round %.1f%%%n", i + 1, theirs[0], theirs[1],
          mine[0], mine[1], wall[i], cpu[i], 100 * busy[i]);
    }
    System.out.printf(Locale.ROOT, "PAIRED_RATIO=%.2f%n", median(wall));
    System.out.printf(Locale.ROOT, "PAIRED_CPU_RATIO=%.2f%n", median(cpu));
  }

  /** The number after {@code key} in {@code line} (at its start or after a space), or NaN. */
  static double field(String line, String key) {
    for (String part : line.trim().split(" +")) {
      if (part.startsWith(key)) {
        try {
          return Double.parseDouble(part.substring(key.length()));
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
      }
    }
    return Double.NaN;
  }

  /**
   * One timed round of whole passes over {@code paths} (or {@code bytes}, in memory), {@code seconds}
   * long: how many passes, its wall-clock and CPU seconds (the whole process's), and the checksum.
   */
  private record Round(int files, int passes, double elapsed, double cpu, long sink) {

    static Round time(BounceAnalyzer analyzer, List<Path> paths, byte[][] bytes, boolean inMemory, double seconds) {
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      Passes round = BounceDirThroughput.passes(analyzer, paths, bytes, inMemory, start + (long) (seconds * 1e9));
      double cpu = (processCpuNanos() - cpuStart) / 1e9;
      return new Round(paths.size(), round.count(), (round.end() - start) / 1e9, cpu, round.sink());
    }

    long msgs() {
      return (long) passes * files;
    }

    double rate() {
      return msgs() / elapsed;
    }

    double cpuRate() {
      return cpu > 0 ? msgs() / cpu : 0;
    }
  }

  /** The median of {@code values} (the mean of the middle two for an even count). */
  static double median(double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
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
      Round round = Round.time(analyzer, paths, bytes, inMemory, seconds);
      sink += round.sink();
      System.out.printf(Locale.ROOT, "%sround %d: %d messages in %.2f s wall, %.2f s CPU = %.0f msgs/s wall, %.0f msgs/CPU-s,"
          + " %.1f MB/s%n", indent, r + 1, round.msgs(), round.elapsed(), round.cpu(), round.rate(), round.cpuRate(),
          (double) round.passes() * total / round.elapsed() / 1e6);
      best = Math.max(best, round.rate());
      bestCpu = Math.max(bestCpu, round.cpuRate());
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
   * read and analysed by {@link BounceAnalyzer#analyzeFiles}, in runs.
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
        + " [--seconds SECONDS] [--in-memory | --also-in-memory] [--pairs N] DIR [--peer COMMAND...]\n"
        + "         (defaults: --warmup 40 --warmup-max 180 --rounds 3 --seconds 3; files re-read from disk in"
        + " every pass)\n"
        + "       BounceDirThroughput --summary DIR\n"
        + "       BounceDirThroughput --extract-mix DIR");
  }
}
