package io.maildiag.examples.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the CLI in a second JVM whose just-in-time compiler suits a command that lives for seconds,
 * not hours.
 *
 * <p>A run of {@code mail-diag} is short: even a batch of thousands of bounces is done in a few
 * seconds. In such a run the JVM's default optimising compiler (C2) spends more processor time
 * compiling than its faster code gives back, and on one or two processors it takes that time from
 * the analysis. So {@code java -jar mail-diag.jar ARGS}, given with no JVM option of its own,
 * starts {@code java -XX:TieredStopAtLevel=1 -XX:C1MaxInlineSize=20 -jar mail-diag.jar ARGS} (the
 * quick C1 compiler only, inlining less; see {@link #OPTIONS}) with the same standard input, output
 * and error, waits for it and exits with its exit code. On
 * one CPU this takes a quarter off the time of {@code ndr --batch} on 310 bounces and 40% off on
 * 3,100, the second JVM's start included. When the build left a class-data-sharing archive beside
 * the jar ({@code mail-diag.jsa}: a static archive of the classes a run of the demo and a run of
 * {@code ndr --batch} load, the JDK's and picocli's included), the second JVM maps the classes from
 * it instead of loading and verifying them: on one CPU, 0.12 s less per run. The jar's entry point,
 * {@link Launcher}, calls this class first and loads the CLI's own classes only when the CLI runs in
 * that JVM, so the first JVM loads little more than it needs to start the second.
 *
 * <p>The CLI runs in the JVM it was started in when any JVM option was given (on the command line,
 * or through {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} or {@code _JAVA_OPTIONS}): whoever
 * tunes the JVM gets exactly the JVM they asked for. It also does when {@value #ENVIRONMENT} is
 * {@code 0}, when the JVM was not started as {@code java -jar}, when its command line cannot be
 * read, and when the second JVM cannot be started. And it does when an argument names a file
 * through this process's own file descriptors or {@code /proc} entry ({@code /dev/fd/N} or {@code
 * /proc/self/...}, as a shell's process substitution {@code <(...)} gives): the second JVM inherits
 * only standard input, output and error, and {@code /proc/self} would name the second JVM, so
 * there the file would be missing or another one.
 *
 * <p><b>Locale.</b> In the C or POSIX locale (a container, a cron job, {@code env -i}) Java reads
 * file names and arguments as ASCII: a name with {@code é} in it cannot be opened, and a batch
 * writes it with replacement chars. The second JVM then runs in the {@value #UTF8_LOCALE} locale,
 * where names are UTF-8, as file names on Linux almost always are; an argument past ASCII reaches
 * it from its bytes on the command line ({@value #ARGUMENTS}), since this JVM read it as {@code ?}.
 * A name that is not UTF-8 is left as it was read. In another locale nothing changes.
 */
final class Relaunch {

  /** The environment variable that, set to {@code 0}, keeps the CLI in the JVM it was started in. */
  static final String ENVIRONMENT = "MAIL_DIAG_RELAUNCH";

  /** The system property that marks the second JVM, so that it never starts a third. */
  static final String MARK = "mail-diag.relaunched";

  /**
   * The system property through which the second JVM receives arguments that this JVM's locale
   * could not read: each argument's UTF-8 bytes in unpadded base64url, separated by commas.
   */
  static final String ARGUMENTS = "mail-diag.arguments";

  /** The locale of the second JVM when this one's is the C or POSIX locale (ASCII only). */
  static final String UTF8_LOCALE = "C.UTF-8";

  /**
   * The JVM options of the second JVM: the C1 compiler only, inlining methods of up to 20 bytes of
   * bytecode rather than 35. Less inlining means less to compile: on one CPU, {@code ndr --batch}
   * takes 9% less time on 310 bounces and 8% less on 3,100, but 6% more on 31,000, where the code's
   * own speed comes to count more than the time spent compiling it. A JVM built without C1 knows no
   * C1 option and would refuse to start: {@code -XX:+IgnoreUnrecognizedVMOptions} makes it ignore
   * the option instead.
   */
  static final List<String> OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:C1MaxInlineSize=20");

  /**
   * The JVM option that leaves compiling to one thread, given on a machine of at most {@value
   * #FEW_PROCESSORS} processors. With the C1 compiler only, the JVM's own choice there is two
   * compiler threads, and they take processor time from the batch's workers: on two CPUs one thread
   * takes 8 to 10% off {@code ndr --batch} on 310 and 564 bounces (on one CPU it changes nothing
   * measurable). On more processors the JVM's choice stands: it was not measured there, and workers
   * waiting for a single compiler thread could lose more than they gain.
   */
  static final String ONE_COMPILER_THREAD = "-XX:CICompilerCount=1";

  /** The most processors on which {@link #ONE_COMPILER_THREAD} is given. */
  static final int FEW_PROCESSORS = 2;

  /**
   * The JVM options that map a class-data-sharing archive, before its path. JVM logging is switched
   * off but for errors, which go to standard error, and for the archive's own errors, which are not
   * logged at all: a JVM that finds the archive stale (another jar, another JDK) ignores it, but
   * says so in a warning on standard output, where it would corrupt the CLI's JSON, and a newer JDK
   * (25) reports an archive made by another JDK as an error, which would print a line on standard
   * error in every run. The archive only saves time; the CLI runs the same without it.
   */
  static final List<String> ARCHIVE_OPTIONS = List.of("-Xshare:auto", "-Xlog:disable", "-Xlog:all=error,cds*=off:stderr");

  /** Environment variables through which a JVM is given options. */
  private static final List<String> JVM_OPTION_VARIABLES =
      List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  private Relaunch() {}

  /**
   * Runs the CLI with {@code args} in a second JVM, if this one should; returns its exit code, or
   * nothing if the CLI is to run here.
   */
  static OptionalInt run(String[] args) {
    if (System.getProperty(MARK) != null) {
      return OptionalInt.empty();
    }
    Optional<List<String>> command = command(System.getenv(), new ThisProcess(), args, new ArchiveOfJar(),
        Runtime.getRuntime().availableProcessors());
    if (command.isEmpty()) {
      return OptionalInt.empty();
    }
    ProcessBuilder builder = new ProcessBuilder(command.get()).inheritIO();
    if (asciiLocale(System.getProperty("sun.jnu.encoding"))) {
      // see "Locale" in the class comment
      builder.command(inUtf8(command.get(), args.length, argumentBytes(args.length)));
      builder.environment().put("LC_ALL", UTF8_LOCALE);
    }
    Process child;
    try {
      child = builder.start();
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
    // If this JVM is stopped (SIGTERM, a time limit), the second one stops with it.
    Thread stop = new Thread(new Stop(child), "mail-diag-relaunch-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    while (true) {
      try {
        return OptionalInt.of(child.waitFor());
      } catch (InterruptedException e) {
        // nothing interrupts the main thread on purpose; keep waiting for the exit code
      }
    }
  }

  // The first JVM lives only to start the second: what it runs is written without lambdas, method
  // references and string concatenation with +, whose first use in a JVM bootstraps invokedynamic
  // (several milliseconds of a run that lasts a fifth of a second).

  /** This JVM's command line. */
  private static final class ThisProcess implements Supplier<ProcessHandle.Info> {
    @Override
    public ProcessHandle.Info get() {
      return ProcessHandle.current().info();
    }
  }

  /** {@link #sharedArchive}. */
  private static final class ArchiveOfJar implements Function<String, Optional<String>> {
    @Override
    public Optional<String> apply(String jar) {
      return sharedArchive(jar);
    }
  }

  /** Stops the second JVM. */
  private static final class Stop implements Runnable {
    private final Process child;

    Stop(Process child) {
      this.child = child;
    }

    @Override
    public void run() {
      child.destroy();
    }
  }

  /**
   * Returns the class-data-sharing archive made with {@code jar} ({@code mail-diag.jsa} beside
   * {@code mail-diag.jar}; the build makes it), if there is one.
   */
  static Optional<String> sharedArchive(String jar) {
    try {
      Path path = Path.of(jar).toAbsolutePath();
      String name = path.getFileName().toString();
      if (!name.endsWith(".jar")) {
        return Optional.empty();
      }
      Path archive = path.resolveSibling(name.substring(0, name.length() - 4).concat(".jsa"));
      return Files.isRegularFile(archive) ? Optional.of(archive.toString()) : Optional.empty();
    } catch (InvalidPathException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Path prefixes that name this process's own descriptors or {@code /proc} entry, not a file of its own. */
  private static final List<String> THIS_PROCESS_PATHS = List.of("/dev/fd/", "/proc/self/", "/proc/thread-self/");

  /**
   * Whether {@code arg} names a file through this process's file descriptors or {@code /proc}
   * entry ({@code /dev/fd/63}, {@code --zone=/proc/self/fd/5}), anywhere in it: such a file is
   * not the same file, or not there at all, in a second JVM.
   */
  static boolean namesThisProcess(String arg) {
    for (String prefix : THIS_PROCESS_PATHS) {
      if (arg.contains(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code encoding}, the character set in which this JVM reads file names and its
   * arguments ({@code sun.jnu.encoding}), is ASCII: the C or POSIX locale, where a name's other bytes
   * are lost. Null (not known) is not ASCII.
   */
  static boolean asciiLocale(String encoding) {
    if (encoding == null) {
      return false;
    }
    try {
      return Charset.forName(encoding).equals(StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The last {@code count} arguments of this process's command line, as bytes ({@code
   * /proc/self/cmdline}), or an empty list when they cannot be read.
   */
  private static List<byte[]> argumentBytes(int count) {
    byte[] line;
    try {
      line = Files.readAllBytes(Path.of("/proc/self/cmdline"));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    List<byte[]> all = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < line.length; i++) {
      if (line[i] == 0) {
        all.add(Arrays.copyOfRange(line, start, i));
        start = i + 1;
      }
    }
    if (start < line.length) {
      all.add(Arrays.copyOfRange(line, start, line.length));
    }
    return all.size() < count ? List.of() : all.subList(all.size() - count, all.size());
  }

  /**
   * Whether this JVM, in the C or POSIX locale, received an argument with bytes past ASCII, which it
   * read as {@code ?}: a file it names cannot be opened here.
   */
  static boolean lostArguments(int count) {
    if (!asciiLocale(System.getProperty("sun.jnu.encoding"))) {
      return false;
    }
    return pastAscii(argumentBytes(count));
  }

  /** Whether one of {@code args} has a byte past ASCII. */
  private static boolean pastAscii(List<byte[]> args) {
    for (byte[] arg : args) {
      for (byte b : arg) {
        if (b < 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code command}, whose last {@code count} entries are the CLI's arguments, for a second JVM in
   * the {@value #UTF8_LOCALE} locale. When an argument's bytes ({@code bytes}, as the operating
   * system holds them) are UTF-8 past ASCII, which this JVM read as {@code ?}, the arguments go in
   * {@value #ARGUMENTS} instead, read from their bytes; otherwise the command is unchanged.
   */
  static List<String> inUtf8(List<String> command, int count, List<byte[]> bytes) {
    if (bytes.size() != count) {
      return command;
    }
    if (!pastAscii(bytes)) {
      return command;
    }
    for (byte[] arg : bytes) {
      if (!isUtf8(arg)) {
        return command; // not a name the second JVM could read either: as this one read it
      }
    }
    StringBuilder encoded = new StringBuilder();
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    for (byte[] arg : bytes) {
      if (encoded.length() > 0) {
        encoded.append(',');
      }
      encoded.append(base64.encodeToString(arg));
    }
    List<String> out = new ArrayList<>(command.subList(0, command.size() - count));
    // before -jar, with the other system properties
    out.add(out.size() - 2, "-D" + ARGUMENTS + "=" + encoded);
    return out;
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * The CLI's arguments: {@code args}, or in a second JVM given {@value #ARGUMENTS} ({@code
   * property}, else null), the arguments it holds; {@code args} when the property is not base64url.
   */
  static String[] arguments(String[] args, String property) {
    if (property == null) {
      return args;
    }
    String[] parts = property.split(",", -1);
    String[] out = new String[parts.length];
    Base64.Decoder base64 = Base64.getUrlDecoder();
    try {
      for (int i = 0; i < parts.length; i++) {
        out[i] = new String(base64.decode(parts[i]), StandardCharsets.UTF_8);
      }
    } catch (IllegalArgumentException e) {
      return args; // not written by the first JVM
    }
    return out;
  }

  /**
   * Returns the command of the second JVM, or nothing if the CLI should run in this one.
   *
   * @param environment this process's environment
   * @param process this JVM's command line as the operating system reports it (read only when
   *     the environment allows a second JVM)
   * @param args the arguments {@code main} received
   * @param archive the class-data-sharing archive of a jar, if it has one
   * @param processors the processors this JVM may use
   */
  static Optional<List<String>> command(Map<String, String> environment, Supplier<ProcessHandle.Info> process,
      String[] args, Function<String, Optional<String>> archive, int processors) {
    if ("0".equals(environment.get(ENVIRONMENT))) {
      return Optional.empty();
    }
    for (String variable : JVM_OPTION_VARIABLES) {
      if (environment.containsKey(variable)) {
        return Optional.empty();
      }
    }
    for (String arg : args) {
      if (namesThisProcess(arg)) {
        return Optional.empty();
      }
    }
    ProcessHandle.Info info = process.get();
    Optional<String> java = info.command();
    Optional<String[]> arguments = info.arguments();
    if (java.isEmpty() || arguments.isEmpty()) {
      return Optional.empty();
    }
    // exactly "-jar JAR ARGS": no JVM option, and ARGS as main received them
    String[] given = arguments.get();
    if (given.length != args.length + 2 || !given[0].equals("-jar")
        || !Arrays.equals(given, 2, given.length, args, 0, args.length)) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>(OPTIONS.size() + args.length + 4);
    command.add(java.get());
    command.addAll(OPTIONS);
    if (processors <= FEW_PROCESSORS) {
      command.add(ONE_COMPILER_THREAD);
    }
    Optional<String> shared = archive.apply(given[1]);
    if (shared.isPresent()) {
      command.addAll(ARCHIVE_OPTIONS);
      command.add("-XX:SharedArchiveFile=".concat(shared.get()));
    }
    command.add("-D" + MARK + "=true");
    command.add("-jar");
    command.add(given[1]);
    command.addAll(Arrays.asList(args));
    return Optional.of(command);
  }
}
