package io.maildiag.ndr;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Limits;
import io.maildiag.ndr.parse.Codes;
import io.maildiag.ndr.parse.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a message that came back to a sender and says what it is and what happened to each
 * recipient: the front door of bounce analysis.
 *
 * <p>It understands RFC 3464 delivery status notifications ({@code multipart/report;
 * report-type=delivery-status}) and their RFC 6533 internationalised form, the bounces that mail
 * systems write in prose instead (Postfix, Exim, Sendmail, qmail, Courier, Microsoft Exchange and
 * Microsoft 365, Gmail, Yahoo, Amazon SES, SendGrid, Mailgun and many more, with a generic reader
 * for the rest; and the notices in which the fml list manager refuses a post, the list being the
 * recipient), and the messages that are not bounces but are often taken for them: delay and
 * success notices, automatic replies (RFC 3834), feedback reports (RFC 5965 ARF) and bounces that
 * a person forwarded. Each failed recipient gets its enhanced status code (RFC 3463), SMTP reply
 * code (RFC 5321), diagnostic text and a {@link Classification} from {@link
 * ReasonClassifier#standard()}.
 *
 * <pre>{@code
 * BounceAnalyzer analyzer = BounceAnalyzer.builder().limits(Limits.defaults()).build();
 * BounceAnalysis a = analyzer.analyze(Path.of("bounce.eml"));
 * if (a.isBounce()) {
 *   for (RecipientResult r : a.recipients()) {
 *     System.out.println(r.recipient() + " " + r.status().map(Object::toString).orElse("-")
 *         + " " + r.reason().jsonName());
 *   }
 * }
 * }</pre>
 *
 * <h2>Untrusted input</h2>
 *
 * <p>The analysis methods never throw on any input: malformed MIME, unknown charsets or transfer
 * encodings, binary garbage, and limits reached become {@link BounceAnalysis#diagnostics()
 * diagnostics}. Work is bounded by the {@link Limits} given to the builder:
 * {@link Limits#maxInputBytes()} (longer input is cut and reported as {@link #INPUT_TOO_LARGE}),
 * {@link Limits#maxLineLength()} (longer lines are cut, {@link #LINE_TOO_LONG}),
 * {@link Limits#maxHeaderBytes()} and {@link Limits#maxHeaderFields()} per header section,
 * {@link Limits#maxMimeDepth()} (deeper parts are not read, {@link #MIME_TOO_DEEP}),
 * {@link Limits#totalTimeBudget()} (the analysis stops early, {@link #TIME_BUDGET_EXCEEDED}) and
 * {@link Limits#maxDiagnostics()}. Line endings may be CRLF, LF or bare CR. A multipart whose
 * boundary line (given by its parameter, or the first line that looks like one when the parameter
 * is missing) is longer than 998 characters, the most a line may hold (RFC 5322, section 2.1.1), is
 * read as text with a {@link #MIME_MALFORMED} warning: a boundary is at most 70 characters (RFC
 * 2046), and searching for a longer one costs time that grows with the square of its length. At
 * most 512 MIME parts are read from one message ({@link #TOO_MANY_PARTS} for the rest); the parts
 * past those are not parsed at all, so a malformed one among them does not spoil the parts read.
 * Each part is read up to 4 MiB ({@link #PART_TOO_LARGE} for a longer one, which is cut at the end
 * of its last line within that, so that no field is read half), and recipients are looked for in
 * the first 4,000 lines of the text ({@link #TEXT_TOO_LONG} when it goes on past them).
 *
 * <h2>Input</h2>
 *
 * <p>The input is one message. A leading mbox "From_" line ({@code From MAILER-DAEMON Thu Apr 29
 * 23:34:45 2015}) is skipped. When the input is an mbox file holding several messages (further
 * From_ lines, each after a blank line, RFC 4155), the first message is analysed and a {@link
 * #MORE_MESSAGES} warning says how many the file holds: the analysis describes one message, so
 * the result stays the same whatever follows it (the first message is analysed, not the first
 * bounce, because choosing among messages would make the answer depend on messages the caller did
 * not ask about). {@link #analyzeEach(Path)} analyses every message of such a file, one analysis
 * each, in file order.
 *
 * <h2>SMTP stage</h2>
 *
 * <p>When the bounce says at which point of the SMTP session the remote server replied apart from
 * the reply itself (a sendmail or Courier transcript, {@code >>> DATA} then {@code <<< 550 ...};
 * qmail's "does not like recipient" or "sender was rejected"; Exim's "SMTP error from remote mail
 * server after MAIL FROM:"; Postfix's text beside a report; Yahoo's {@code [RCPT_TO]}), a
 * recipient's {@link RecipientResult#diagnosticText()} ends with Postfix's wording of it, such as
 * {@code (in reply to RCPT TO command)}, {@code (in reply to end of DATA command)}, {@code (in
 * reply to HELO command)} or {@code (after initial connection)}; a Diagnostic-Code of type {@code
 * X-Unix} (a local delivery program) adds {@code (X-Unix)}. The classifier reads the stage: an
 * unknown-user reply after the content was sent is a filter, a refusal at MAIL FROM is about the
 * sender (see {@link ReasonClassifier}). In a sendmail transcript, a reply that pipelining put
 * after {@code >>> DATA} is taken for the RCPT TO reply it was when a later reply says no
 * recipient was accepted ({@code <<< 503 Need RCPT}), and sendmail's own summary line ({@code 554
 * <addr>... Remote protocol error}) gives way to the remote reply above it.
 *
 * <h2>Status codes</h2>
 *
 * <p>A recipient's status is the enhanced status code the bounce states for it. In a delivery
 * status report, when the Diagnostic-Code holds an SMTP reply with its own enhanced code, that code
 * is preferred to the Status field (the reply is the remote server's own statement, the Status
 * field the reporting system's translation, often a generic {@code 5.0.0}); a generic X.0.0 in the
 * reply never replaces a specific Status. In prose, the code taken is the one that follows the
 * reply code ({@code 550 5.1.1}), else a qmail-style {@code (#5.1.1)}, else the first code with
 * word boundaries that is not part of an IP address or version number. When the bounce states no
 * code, the status is empty: no code is invented.
 *
 * <h2>Provider habits</h2>
 *
 * <p>Two providers say more than their words: au (KDDI, ezweb.ne.jp and au.com) answers {@code 550
 * : User unknown}, naming no address, when the recipient's reception filter refused the message
 * (an address that does not exist is named: {@code 550 <user@ezweb.ne.jp>: User unknown}), which
 * is read as {@link Reason#FILTERED}; and Google refuses a post to a Google Groups group in the
 * sender's language, which is read as {@link Reason#REJECTED} for a {@code googlegroups.com}
 * recipient when the words themselves are not understood.
 *
 * <p>Instances are immutable and safe for concurrent use; build one and share it. A message the
 * byte-level MIME splitter does not take is read with Jakarta Mail, with the calling thread's
 * context class loader set, for that reading only, to one that serves Jakarta's service files from
 * memory (Jakarta 2.1 would read them from their jar again for every MIME part).
 *
 * @since 0.1
 */
public final class BounceAnalyzer {

  /** The input was longer than {@link Limits#maxInputBytes()}; only its beginning was analysed. */
  public static final DiagnosticCode INPUT_TOO_LARGE = Codes.INPUT_TOO_LARGE;
  /** The input could not be read (an I/O error); what was read before the error was analysed. */
  public static final DiagnosticCode INPUT_UNREADABLE = Codes.INPUT_UNREADABLE;
  /**
   * The input is empty or has no header section (no line before its first empty line is a header
   * field): it is not a mail message. Text without a header section is read whole as the text of a
   * message, so that a bounce's body saved alone (a Postfix or qmail notice pasted into a file) is
   * still read as a bounce when its wording says which system wrote it.
   */
  public static final DiagnosticCode NOT_A_MESSAGE = Codes.NOT_A_MESSAGE;
  /** A line was longer than {@link Limits#maxLineLength()} and was cut. */
  public static final DiagnosticCode LINE_TOO_LONG = Codes.LINE_TOO_LONG;
  /** A header section was larger than {@link Limits#maxHeaderBytes()}; the rest was ignored. */
  public static final DiagnosticCode HEADER_TOO_LARGE = Codes.HEADER_TOO_LARGE;
  /** A header section had more than {@link Limits#maxHeaderFields()} fields; the rest were ignored. */
  public static final DiagnosticCode TOO_MANY_HEADER_FIELDS = Codes.TOO_MANY_HEADER_FIELDS;
  /** MIME parts nested deeper than {@link Limits#maxMimeDepth()} were not read. */
  public static final DiagnosticCode MIME_TOO_DEEP = Codes.MIME_TOO_DEEP;
  /** The message has more MIME parts than are read (512); the rest were ignored. */
  public static final DiagnosticCode TOO_MANY_PARTS = Codes.TOO_MANY_PARTS;
  /**
   * A MIME part (or the body of a message without parts) was larger than the 4 MiB read of each;
   * only its beginning, up to the end of its last line within the limit, was read.
   */
  public static final DiagnosticCode PART_TOO_LARGE = Codes.PART_TOO_LARGE;
  /**
   * The message text has more than 4,000 lines and none of them ends the bounce text (such as the
   * line that introduces the returned message): failed recipients were looked for in the first
   * 4,000 lines only, and a bounce listing more recipients after them has more than are reported.
   */
  public static final DiagnosticCode TEXT_TOO_LONG = Codes.TEXT_TOO_LONG;
  /** A MIME structure was malformed, such as a multipart without its boundaries; it was read as text. */
  public static final DiagnosticCode MIME_MALFORMED = Codes.MIME_MALFORMED;
  /** A charset was unknown, or text was invalid in its charset; a fallback was used. */
  public static final DiagnosticCode CHARSET_FALLBACK = Codes.CHARSET_FALLBACK;
  /** A part's transfer encoding was broken; its content was read as it was. */
  public static final DiagnosticCode ENCODING_BROKEN = Codes.ENCODING_BROKEN;
  /** A field of a delivery-status report was malformed (RFC 3464 section 2.3). */
  public static final DiagnosticCode DSN_FIELD_INVALID = Codes.DSN_FIELD_INVALID;
  /** A per-recipient block of a delivery-status report named no recipient. */
  public static final DiagnosticCode DSN_NO_RECIPIENT = Codes.DSN_NO_RECIPIENT;
  /** The message looks like a bounce, but no failed recipient could be found in it. */
  public static final DiagnosticCode NO_RECIPIENT_FOUND = Codes.NO_RECIPIENT_FOUND;
  /** The message quotes or forwards a bounce (kind {@link MessageKind#QUOTED_BOUNCE}). */
  public static final DiagnosticCode QUOTED_BOUNCE = Codes.QUOTED_BOUNCE;

  /**
   * The delivery report came attached whole to a message of its own, as a gateway that adds a
   * footer sends it; the attached report was read (an info).
   */
  public static final DiagnosticCode WRAPPED_REPORT = Codes.WRAPPED_REPORT;
  /** The analysis used up {@link Limits#totalTimeBudget()} and stopped early. */
  public static final DiagnosticCode TIME_BUDGET_EXCEEDED = Codes.TIME_BUDGET_EXCEEDED;
  /**
   * The input is an mbox file (RFC 4155) holding several messages: {@link #analyze} analysed only
   * the first, and says how many the input holds; {@link #analyzeEach}, which analyses each, says
   * so when the file holds more than {@value #MAX_MBOX_MESSAGES}.
   */
  public static final DiagnosticCode MORE_MESSAGES = Codes.MORE_MESSAGES;

  /** The most messages {@link #analyzeEach} analyses in one mbox file. */
  public static final int MAX_MBOX_MESSAGES = Engine.MAX_MBOX_MESSAGES;
  /** An unexpected internal failure; please report it with the input. */
  public static final DiagnosticCode INTERNAL_ERROR = Codes.INTERNAL_ERROR;
  /**
   * The input starts with a byte order mark, as an editor saves text: UTF-16 text ("save as Unicode
   * text"), not the message's bytes, is read as the same text in UTF-8 (a warning); a UTF-8 mark is
   * left out (an info). Limits apply to the input as given.
   */
  public static final DiagnosticCode BYTE_ORDER_MARK = Codes.BYTE_ORDER_MARK;
  /**
   * The input is gzip-compressed (a mailbox compressed by its server, an archived {@code .eml.gz}):
   * it was decompressed, to at most {@link Limits#maxInputBytes()}, and read (an info). Broken
   * gzip data gives {@link #INPUT_UNREADABLE} and the analysis of what was decompressed. Files of
   * other kinds that are no message (an Outlook {@code .msg} item, a zip archive, data compressed
   * with bzip2, xz or zstd) are named in a {@link #NOT_A_MESSAGE} error and not read.
   */
  public static final DiagnosticCode COMPRESSED_INPUT = Codes.COMPRESSED_INPUT;
  /**
   * The input starts with empty lines (or lines of white space) before its header section, as a
   * message pasted or saved with a blank line first does; they were left out (an info). Without
   * that the message would have no header section, an empty line ending it. Only done when the
   * first line that is not empty starts a header field or an mbox From_ line.
   */
  public static final DiagnosticCode LEADING_EMPTY_LINES = Codes.LEADING_EMPTY_LINES;
  /** More diagnostics than {@link Limits#maxDiagnostics()}; the rest were not recorded. */
  public static final DiagnosticCode DIAGNOSTICS_TRUNCATED = Codes.DIAGNOSTICS_TRUNCATED;

  /** The first read buffer of a stream that does not say how much it holds, bytes. */
  private static final int UNKNOWN_LENGTH_BUFFER = 16 * 1024;

  /** The largest first read buffer, bytes: a stream may overstate what it holds. */
  private static final int LARGEST_FIRST_BUFFER = 1024 * 1024 + 1;

  private final Limits limits;
  private final Engine engine;

  private BounceAnalyzer(Limits limits) {
    this.limits = limits;
    this.engine = new Engine(limits, ReasonClassifier.standard()::classify);
  }

  /** Returns a builder; its default limits are {@link Limits#defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns an analyzer with {@link Limits#defaults()}. */
  public static BounceAnalyzer withDefaults() {
    return new BounceAnalyzer(Limits.defaults());
  }

  /** Returns the limits this analyzer applies. */
  public Limits limits() {
    return limits;
  }

  /**
   * Analyses a whole message (RFC 5322 bytes, any line endings). Input longer than {@link
   * Limits#maxInputBytes()} is cut there, with an {@link #INPUT_TOO_LARGE} diagnostic.
   *
   * @param message the raw message
   * @return the analysis; never null
   * @throws NullPointerException if {@code message} is null
   */
  public BounceAnalysis analyze(byte[] message) {
    Objects.requireNonNull(message, "message");
    List<Diagnostic> early = new ArrayList<>();
    int length = message.length;
    long max = maxBytes();
    if (length > max) {
      length = (int) max;
      early.add(tooLarge());
    }
    return engine.analyze(message, length, early);
  }

  /**
   * Reads a message from {@code in} and analyses it. At most {@link Limits#maxInputBytes()} bytes
   * are read; if the stream has more, the rest is left unread and {@link #INPUT_TOO_LARGE} is
   * reported. An I/O error ends reading: what was read is analysed and {@link #INPUT_UNREADABLE}
   * is reported. The stream is not closed.
   *
   * @param in the stream
   * @return the analysis; never null
   * @throws NullPointerException if {@code in} is null
   */
  public BounceAnalysis analyze(InputStream in) {
    Objects.requireNonNull(in, "in");
    Input input = read(in);
    return engine.analyze(input.bytes, input.length, input.early);
  }

  /** Reads at most {@link Limits#maxInputBytes()} bytes of {@code in}; see {@link #analyze(InputStream)}. */
  private Input read(InputStream in) {
    List<Diagnostic> early = new ArrayList<>();
    int max = (int) maxBytes();
    byte[] buf = new byte[firstBufferLength(in, max)];
    int n = 0;
    try {
      while (n < max + 1L) {
        if (n == buf.length) {
          buf = Arrays.copyOf(buf, (int) Math.min((long) max + 1, Math.max(buf.length * 2L, 1)));
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    } catch (IOException | RuntimeException e) {
      early.add(unreadable(n, e));
    }
    if (n > max) {
      n = max;
      early.add(tooLarge());
    }
    return new Input(buf, n, early, null);
  }

  /** Bytes read, how many of them count, what went wrong reading them; or the analysis of a file that could not be opened. */
  private record Input(byte[] bytes, int length, List<Diagnostic> early, @Nullable BounceAnalysis unopened) {}

  /**
   * Reads the message in a file and analyses it, with the limits of {@link #analyze(InputStream)}.
   * A regular file is read in one piece, as long as it was when it was opened (bytes appended
   * meanwhile are not read); a file that does not tell its length (a pipe, most files of {@code
   * /proc}) or is longer than {@link Limits#maxInputBytes()} is read as a stream. A file that cannot
   * be opened yields {@link MessageKind#NOT_A_BOUNCE} with an {@link #INPUT_UNREADABLE} error; an
   * I/O error while reading ends reading, and what was read is analysed with that error.
   *
   * @param file the file
   * @return the analysis; never null
   * @throws NullPointerException if {@code file} is null
   */
  public BounceAnalysis analyze(Path file) {
    Objects.requireNonNull(file, "file");
    Input input = read(file);
    return input.unopened != null ? input.unopened : engine.analyze(input.bytes, input.length, input.early);
  }

  /** The most files {@link #analyzeFiles} reads before it analyses them. */
  static final int FILES_READ_AHEAD = 1024;

  /** The bytes past which {@link #analyzeFiles} reads no further file before it analyses those it read. */
  static final long BYTES_READ_AHEAD = 4 << 20;

  /**
   * Analyses the messages of many files, each as {@link #analyze(Path)} does, and hands each file
   * and its analysis to {@code each}, in the order of {@code files}. The results are those of
   * {@link #analyze(Path)}; only the order of the work differs: the files are read in runs (up to
   * {@value #FILES_READ_AHEAD}, and no further file once 4 MiB of them is read) and then analysed.
   * On one CPU that analyses about a tenth more messages per second than reading and analysing each
   * file in turn (runs of 32 files), and 1 to 4% more again with runs this long: the system
   * calls displace the analysis's code and tables from the processor's caches once per run, not once
   * per file. At most those files are held at once (their bytes, and for a file
   * read as a stream its read buffer), however many files there are. Since a file is read before
   * the consumer has seen the files before it (up to {@value #FILES_READ_AHEAD} of them), a change
   * to a file during the call, by the consumer or by anyone, may not be seen in its analysis. An
   * error while reading a file ({@link OutOfMemoryError} for a file too large for the heap) ends
   * the call, and the files read before it in its group are not handed on.
   *
   * @param files the files, in the order their analyses are handed on
   * @param each receives each file and its analysis; an exception it throws ends the call
   * @throws NullPointerException if {@code files}, a file in it, or {@code each} is null
   */
  public void analyzeFiles(List<Path> files, BiConsumer<? super Path, ? super BounceAnalysis> each) {
    List<Path> list = List.copyOf(Objects.requireNonNull(files, "files"));
    Objects.requireNonNull(each, "each");
    Input[] read = new Input[Math.min(FILES_READ_AHEAD, list.size())];
    int start = 0;
    while (start < list.size()) {
      int n = 0;
      long bytes = 0;
      while (start + n < list.size() && n < FILES_READ_AHEAD && bytes < BYTES_READ_AHEAD) {
        Input input = read(list.get(start + n));
        read[n++] = input;
        bytes += input.length;
      }
      for (int i = 0; i < n; i++) {
        Input input = read[i];
        read[i] = null;
        each.accept(list.get(start + i),
            input.unopened != null ? input.unopened : engine.analyze(input.bytes, input.length, input.early));
      }
      start += n;
    }
  }

  /**
   * Analyses every message of an mbox file (RFC 4155): one analysis per message, in file order.
   * Input that is not an mbox file of several messages gives one analysis, the same as {@link
   * #analyze(byte[])}. At most {@value #MAX_MBOX_MESSAGES} messages are analysed, all within one
   * {@link Limits#totalTimeBudget()}, and a From_ line with nothing after it is no message. What
   * concerns the file rather than one message goes on the first analysis, where {@link
   * #analyze(byte[])} puts it too: problems reading it ({@link #INPUT_TOO_LARGE}), and the
   * messages left out ({@link #MORE_MESSAGES} past the cap, {@link #TIME_BUDGET_EXCEEDED} when the
   * budget ran out).
   *
   * @param message the raw message or mbox file
   * @return the analyses, at least one; never null
   * @throws NullPointerException if {@code message} is null
   */
  public List<BounceAnalysis> analyzeEach(byte[] message) {
    Objects.requireNonNull(message, "message");
    List<Diagnostic> early = new ArrayList<>();
    int length = message.length;
    if (length > maxBytes()) {
      length = (int) maxBytes();
      early.add(tooLarge());
    }
    return engine.analyzeEach(message, length, early);
  }

  /**
   * Reads a stream as {@link #analyze(InputStream)} does and analyses every message in it, as
   * {@link #analyzeEach(byte[])} does. The stream is not closed.
   *
   * @param in the stream
   * @return the analyses, at least one; never null
   * @throws NullPointerException if {@code in} is null
   */
  public List<BounceAnalysis> analyzeEach(InputStream in) {
    Objects.requireNonNull(in, "in");
    Input input = read(in);
    return engine.analyzeEach(input.bytes, input.length, input.early);
  }

  /**
   * Reads a file as {@link #analyze(Path)} does and analyses every message in it, as {@link
   * #analyzeEach(byte[])} does.
   *
   * @param file the file
   * @return the analyses, at least one; never null
   * @throws NullPointerException if {@code file} is null
   */
  public List<BounceAnalysis> analyzeEach(Path file) {
    Objects.requireNonNull(file, "file");
    Input input = read(file);
    return input.unopened != null ? List.of(input.unopened) : engine.analyzeEach(input.bytes, input.length, input.early);
  }

  /** Reads a file; see {@link #analyze(Path)}. */
  private Input read(Path file) {
    List<Diagnostic> early = new ArrayList<>();
    byte[] buf;
    int n = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size <= 0 || size > maxBytes()) {
        return read(Channels.newInputStream(channel));
      }
      // the length first, then one read: four system calls per file instead of six through a stream
      buf = new byte[(int) size];
      ByteBuffer into = ByteBuffer.wrap(buf);
      try {
        while (into.hasRemaining() && channel.read(into) > 0) {
          // a read ends early only at the end of the file (it shrank) or on an error
        }
      } catch (IOException e) {
        early.add(unreadable(into.position(), e));
      }
      n = into.position();
    } catch (IOException | RuntimeException e) {
      Diagnostic d = Diagnostic.error(INPUT_UNREADABLE, "the file could not be read ("
          + e.getClass().getSimpleName() + ")").withEvidence(file.toString());
      return new Input(new byte[0], 0, early, new BounceAnalysis(MessageKind.NOT_A_BOUNCE, "unknown", Optional.empty(),
          List.of(), OriginalMessage.none(), Optional.empty(), List.of(d)));
    }
    return new Input(buf, n, early, null);
  }

  /**
   * The length of the first read buffer: what the stream says it holds (a file's size) and one byte
   * to see its end, else {@value #UNKNOWN_LENGTH_BUFFER} bytes; never more than {@code max} and one,
   * nor {@value #LARGEST_FIRST_BUFFER}. The buffer grows when the stream holds more.
   */
  private static int firstBufferLength(InputStream in, int max) {
    int announced;
    try {
      announced = in.available();
    } catch (IOException | RuntimeException e) {
      announced = 0;
    }
    long wanted = announced > 0 ? announced + 1L : UNKNOWN_LENGTH_BUFFER;
    return (int) Math.min(Math.min(max + 1L, wanted), LARGEST_FIRST_BUFFER);
  }

  /** The diagnostic of a read that failed after {@code read} bytes; those bytes are analysed. */
  private static Diagnostic unreadable(int read, Exception e) {
    return Diagnostic.error(INPUT_UNREADABLE, "reading the message failed after " + read + " bytes ("
        + e.getClass().getSimpleName() + "); the bytes read so far were analysed");
  }

  private long maxBytes() {
    return Math.min(limits.maxInputBytes(), Integer.MAX_VALUE - 16L);
  }

  private Diagnostic tooLarge() {
    return Diagnostic.error(INPUT_TOO_LARGE, "the message is larger than " + limits.maxInputBytes()
        + " bytes; only the first " + maxBytes() + " bytes were analysed");
  }

  /**
   * Builds a {@link BounceAnalyzer}. Each setter checks its argument at once and may be called
   * once. Not safe for concurrent use.
   *
   * @since 0.1
   */
  public static final class Builder {
    private Limits limits;

    private Builder() {}

    /**
     * Sets the limits; the default is {@link Limits#defaults()}.
     *
     * @return this builder
     * @throws NullPointerException if {@code limits} is null
     * @throws IllegalStateException if limits were already set
     */
    public Builder limits(Limits limits) {
      Objects.requireNonNull(limits, "limits");
      if (this.limits != null) {
        throw new IllegalStateException("limits were already set to " + this.limits);
      }
      this.limits = limits;
      return this;
    }

    /** Returns the analyzer. */
    public BounceAnalyzer build() {
      return new BounceAnalyzer(limits == null ? Limits.defaults() : limits);
    }
  }
}
