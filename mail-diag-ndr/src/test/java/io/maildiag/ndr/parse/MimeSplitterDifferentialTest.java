package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The fast MIME splitter against the reference Jakarta Mail path: for every fixture, every
 * message of the benchmark mix and generated multipart messages, the splitter either builds the
 * same tree with the same diagnostics as {@link MimeReader#readWithJakarta} or declines (and then
 * reports nothing).
 */
class MimeSplitterDifferentialTest {

  private static final Path FIXTURES = Path.of("src/test/resources");
  private static final Path MIX = Path.of("../benchmarks/src/main/resources/io/maildiag/benchmarks/ndr/mix");

  @Test
  void fixturesGiveTheJakartaTree() throws IOException {
    List<Path> files = messages(FIXTURES);
    assertThat(files).isNotEmpty();
    int handled = 0;
    for (Path f : files) {
      if (sameTree(f.toString(), Files.readAllBytes(f), Limits.DEFAULT_MAX_MIME_DEPTH,
          Limits.DEFAULT_MAX_HEADER_FIELDS)) {
        handled++;
      }
    }
    // the fast path must not silently stop working: nearly every fixture is plain MIME
    assertThat(handled).isGreaterThanOrEqualTo(files.size() * 9 / 10);
  }

  @Test
  void benchmarkMixGivesTheJakartaTree() throws IOException {
    if (!Files.isDirectory(MIX)) {
      return; // the benchmarks module is not beside this one
    }
    List<Path> files = messages(MIX);
    int handled = 0;
    for (Path f : files) {
      if (sameTree(f.toString(), Files.readAllBytes(f), Limits.DEFAULT_MAX_MIME_DEPTH,
          Limits.DEFAULT_MAX_HEADER_FIELDS)) {
        handled++;
      }
    }
    assertThat(handled).isGreaterThanOrEqualTo(files.size() * 9 / 10);
  }

  @Test
  void tightLimitsGiveTheJakartaDiagnostics() throws IOException {
    for (Path f : messages(FIXTURES)) {
      byte[] b = Files.readAllBytes(f);
      sameTree(f + " (depth 1)", b, 1, 3);
      sameTree(f + " (depth 2)", b, 2, 1);
    }
  }

  @Test
  void knownShapes() {
    String[] shapes = {
      // preamble, epilogue, padding after a boundary, end boundary with trailing text
      "Content-Type: multipart/mixed; boundary=b\n\npre\n--b  \nA: 1\n\none\n--b\t\n\ntwo\n--b--tail\nepi\n",
      // missing end boundary
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\n\ntwo\n",
      // missing boundary parameter: the first boundary-like line is used; dash rules are skipped
      "Content-Type: multipart/mixed\n\n-----\n--\n--zz\n\none\n--zz--\n",
      // no start boundary at all, and an end boundary before the start
      "Content-Type: multipart/mixed; boundary=b\n\nnothing here\n",
      "Content-Type: multipart/mixed; boundary=b\n\n--b--\n--b\n\nx\n",
      // a part whose header section runs to the end is dropped
      "Content-Type: multipart/mixed; boundary=b\n\n--b\nA: 1\n",
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b\nA: 1\n",
      // boundary without a line break before it, with other text after it, at the very end
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx--b\n--bc\n--b-x\n--b",
      // an empty body right after the header section
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\n--b\n\ny\n--b--\n",
      // nested multiparts whose boundaries are prefixes of each other
      "Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: multipart/alternative; boundary=ab\n\n"
          + "--ab\n\nin\n--ab--\n--a\n\nout\n--a--\n",
      // an embedded message, plain and base64
      "Content-Type: message/rfc822\n\nSubject: inner\n\nbody\n",
      "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\n"
          + "Content-Transfer-Encoding: base64\n\n"
          + Base64.getMimeEncoder().encodeToString("Subject: x\n\nhi\n".getBytes(StandardCharsets.US_ASCII))
          + "\n--b--\n",
      // header oddities: folds, a line without a colon, UTF-8 and Latin-1 values, an empty name
      "Subject: a\n  b\n\tc\nNo colon here\nX: caf\u00c3\u00a9\nY: caf\u00e9\n:\n\nbody",
      "\nno headers",
      "A: only headers",
      // digest parts default to message/rfc822
      "Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nx\n--d\nContent-Type: text/plain\n\ny\n--d--\n",
      // octet-stream sizes, quoted-printable and base64 leaves
      "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/octet-stream\n\n\n--b\n"
          + "Content-Type: application/octet-stream\n\nabc\n--b\nContent-Transfer-Encoding: quoted-printable\n\n"
          + "a=3Db=\nc =ZZ end=\n--b\nContent-Transfer-Encoding: base64\n\naGVsbG8=\n--b--\n",
    };
    for (String s : shapes) {
      assertThat(sameTree(s, s.getBytes(StandardCharsets.ISO_8859_1), Limits.DEFAULT_MAX_MIME_DEPTH,
          Limits.DEFAULT_MAX_HEADER_FIELDS)).as("split by the fast path: %s", s).isTrue();
      sameTreeUnnormalised(s, s.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  /**
   * Multiparts with more parts than are read: Jakarta Mail is handed their content only up to the
   * part after the last one read ({@link MultipartCut}), and still gives the tree the splitter
   * builds from the whole content, with the same "too many parts" diagnostic.
   */
  @Test
  void multipartsWithMorePartsThanAreReadGiveTheSameTree() {
    int max = MimeReader.MAX_PARTS;
    String part = "--b\nContent-Type: text/plain\n\npart\n";
    for (int n : new int[] {max - 2, max - 1, max, max + 1, max + 2, 3 * max}) {
      String flat = "Content-Type: multipart/mixed; boundary=b\n\npreamble\n" + part.repeat(n) + "--b--\n";
      // parts taken by a nested multipart first, and an epilogue the cut leaves out
      String nested = "Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: multipart/mixed; boundary=b\n\n"
          + part.repeat(n) + "--b--\n" + "--a\n\nafter\n".repeat(n) + "--a--\nepilogue\n";
      // without a boundary parameter, CR LF line ends
      String guessed = ("Content-Type: multipart/mixed\n\n" + part.replace("--b", "--guess").repeat(n) + "--guess--\n")
          .replace("\n", "\r\n");
      for (String s : new String[] {flat, nested, guessed}) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        Diags d = new Diags(100);
        MimePart root = new MimeReader(Limits.DEFAULT_MAX_MIME_DEPTH, Limits.DEFAULT_MAX_HEADER_FIELDS, d,
            new Deadline(Duration.ofHours(1))).readWithJakarta(b);
        // the root counts as a part: at most max - 1 parts of a flat multipart are read
        assertThat(count(root)).as("parts read of %d", n).isEqualTo(s == nested ? Math.min(2 * n + 2, max) : 1 + Math.min(n, max - 1));
        boolean tooMany = diags(d).stream().anyMatch(x -> x.contains(Codes.TOO_MANY_PARTS.value()));
        assertThat(tooMany).as("too many parts in %d", n).isEqualTo(s != nested ? n + 1 > max : 2 * n + 2 > max);
        if (s != guessed) {
          assertThat(sameTree("" + n, b, Limits.DEFAULT_MAX_MIME_DEPTH, Limits.DEFAULT_MAX_HEADER_FIELDS)).isTrue();
        } else {
          compare("" + n, b, Limits.DEFAULT_MAX_MIME_DEPTH, Limits.DEFAULT_MAX_HEADER_FIELDS);
        }
      }
    }
  }

  /**
   * A part past the ones read that Jakarta Mail would fail on (a header section that starts with a
   * folded line): it is not handed to Jakarta, so the parts before it are read, as the splitter,
   * which parses no part it does not read, reads them.
   */
  @Test
  void aMalformedPartPastTheOnesReadDoesNotSpoilTheMultipart() {
    int max = MimeReader.MAX_PARTS;
    String s = "Content-Type: multipart/mixed; boundary=b\n\n" + "--b\n\npart\n".repeat(max + 5)
        + "--b\n folded first line\n\nx\n--b--\n";
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    Diags d = new Diags(100);
    MimePart root = new MimeReader(Limits.DEFAULT_MAX_MIME_DEPTH, Limits.DEFAULT_MAX_HEADER_FIELDS, d,
        new Deadline(Duration.ofHours(1))).readWithJakarta(b);
    assertThat(root.children).hasSize(max - 1);
    assertThat(diags(d)).singleElement().asString().contains(Codes.TOO_MANY_PARTS.value());
    assertThat(sameTree("malformed part past the limit", b, Limits.DEFAULT_MAX_MIME_DEPTH,
        Limits.DEFAULT_MAX_HEADER_FIELDS)).isTrue();
  }

  private static int count(MimePart p) {
    int n = 1;
    for (MimePart c : p.children) {
      n += count(c);
    }
    return n;
  }

  @Test
  void boundariesLongerThanALineAreReadAsTextByBothPaths() {
    int max = MimeReader.MAX_BOUNDARY_LINE;
    for (int line : new int[] {max - 1, max, max + 1, 5000}) {
      String given = "b".repeat(line - 2);
      String withParameter = "Content-Type: multipart/mixed; boundary=\"" + given + "\"\n\n--" + given
          + "\n\nx\n--" + given + "--\n";
      // no parameter: the first boundary-like line is the boundary; a run of dashes is the worst case
      String guessed = "-".repeat(line - 1) + "x";
      String withoutParameter = "Content-Type: multipart/mixed\n\n" + guessed + "\n\nx\n" + guessed + "--\n";
      for (String s : new String[] {withParameter, withoutParameter}) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(sameTree(s, b, Limits.DEFAULT_MAX_MIME_DEPTH, Limits.DEFAULT_MAX_HEADER_FIELDS)).isTrue();
        Diags d = new Diags(100);
        MimePart root = new MimeReader(Limits.DEFAULT_MAX_MIME_DEPTH, Limits.DEFAULT_MAX_HEADER_FIELDS, d,
            new Deadline(Duration.ofHours(1))).readWithJakarta(b);
        boolean tooLong = line > max;
        assertThat(root.children).as("parts of a multipart with a boundary line of %d", line).hasSize(tooLong ? 0 : 1);
        assertThat(diags(d)).as("diagnostics for a boundary line of %d", line).hasSize(tooLong ? 1 : 0);
        if (tooLong) {
          assertThat(diags(d).get(0)).contains("its boundary is longer than " + max + " characters");
        }
      }
    }
  }

  /**
   * Parts longer than are read: both paths cut them at the end of the same line and report the cut
   * alike, whatever the line ends, and an encoded embedded message is cut before it is decoded.
   */
  @Test
  void partsLargerThanAreReadAreCutAlikeAtALineEnd() {
    int max = MimeReader.MAX_LEAF_BYTES;
    String line = "Final-Recipient: rfc822; someone@example.com\nAction: failed\nStatus: 5.1.1\n\n";
    String report = line.repeat(max / line.length() + 20);
    String base64 = Base64.getMimeEncoder().encodeToString(
        ("Subject: x\n\n" + "y".repeat(max)).getBytes(StandardCharsets.US_ASCII)).replace("\r\n", "\n");
    String[] shapes = {
      "From: x@example.com\n\n" + report,
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\n"
          + "Content-Type: message/delivery-status\n\n" + report + "--b--\n",
      "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\n"
          + "Content-Transfer-Encoding: base64\n\n" + base64 + "\n--b--\n",
      // no line break in the first MAX_LEAF_BYTES bytes of the part
      "From: x@example.com\n\n" + "z".repeat(max + 10) + "\nlast\n",
    };
    for (String s : shapes) {
      byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
      for (byte[] input : new byte[][] {b, s.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)}) {
        Diags d = new Diags(100);
        new MimeReader(Limits.DEFAULT_MAX_MIME_DEPTH, Limits.DEFAULT_MAX_HEADER_FIELDS, d,
            new Deadline(Duration.ofHours(1))).readWithJakarta(input);
        assertThat(diags(d)).as("diagnostics of a part of %d bytes", input.length)
            .anySatisfy(x -> assertThat(x).contains(Codes.PART_TOO_LARGE.value()));
        boolean split = compare("large part", input, Limits.DEFAULT_MAX_MIME_DEPTH, Limits.DEFAULT_MAX_HEADER_FIELDS);
        if (input == b) {
          assertThat(split).as("the splitter reads a large part with LF line ends").isTrue();
        }
      }
    }
  }

  @Test
  void leavesAreCutAfterTheirLastLineBreakWithinTheLimit() {
    int max = MimeReader.MAX_LEAF_BYTES;
    byte[] b = new byte[max + 100];
    java.util.Arrays.fill(b, (byte) 'a');
    // short enough: the whole content, from any start
    assertThat(MimeReader.leafEnd(b, 100, max + 100)).isEqualTo(max + 100);
    assertThat(MimeReader.leafEnd(b, 0, max)).isEqualTo(max);
    // no line break: cut at the limit
    assertThat(MimeReader.leafEnd(b, 0, max + 100)).isEqualTo(max);
    assertThat(MimeReader.leafEnd(b, 50, max + 100)).isEqualTo(50 + max);
    // a CR only: after it; an LF anywhere before the limit wins over a later CR
    b[1000] = '\r';
    assertThat(MimeReader.leafEnd(b, 0, max + 100)).isEqualTo(1001);
    b[500] = '\n';
    assertThat(MimeReader.leafEnd(b, 0, max + 100)).isEqualTo(501);
    b[max - 2] = '\r';
    b[max - 1] = '\n';
    assertThat(MimeReader.leafEnd(b, 0, max + 100)).isEqualTo(max);
    // a line break at or past the limit does not count
    assertThat(MimeReader.leafEnd(b, 1, max + 100)).isEqualTo(max);
    b[max] = '\n';
    assertThat(MimeReader.leafEnd(b, 0, max + 100)).isEqualTo(max);
  }

  @Test
  void unsureShapesAreLeftToJakarta() {
    String[] shapes = {
      // CRs inside a base64-encoded embedded message
      "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\n"
          + "Content-Transfer-Encoding: base64\n\n"
          + Base64.getMimeEncoder().encodeToString("Subject: x\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII))
          + "\n--b--\n",
      // a header section starting with a folded line; a folded field without a colon
      " folded first\nA: 1\n\nbody",
      "   \n x\nA: 1\n\nbody",
      "A\n b: c\n\nbody",
      // a boundary parameter outside printable ASCII
      "Content-Type: multipart/mixed; boundary=\"\u00c3\u00a9\"\n\n--\u00e9\n\nx\n",
    };
    for (String s : shapes) {
      assertThat(sameTree(s, s.getBytes(StandardCharsets.ISO_8859_1), Limits.DEFAULT_MAX_MIME_DEPTH,
          Limits.DEFAULT_MAX_HEADER_FIELDS)).as("left to Jakarta: %s", s).isFalse();
    }
  }

  @Property(tries = 400)
  void generatedMessagesGiveTheJakartaTree(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int depth,
      @ForAll @IntRange(min = 1, max = 12) int fields) {
    Gen g = new Gen(new Random(seed));
    String lf = g.entity(0, "zz");
    String msg = g.r.nextInt(4) == 0 ? lf.replace("\n", "\r\n") : lf;
    byte[] b = msg.getBytes(StandardCharsets.ISO_8859_1);
    boolean split = sameTree(msg, b, Limits.DEFAULT_MAX_MIME_DEPTH, Limits.DEFAULT_MAX_HEADER_FIELDS);
    Statistics.label("normalised").collect(split ? "split" : "declined");
    sameTree(msg, b, depth, fields);
    Statistics.label("with CRs").collect(sameTreeUnnormalised(msg, b) ? "split" : "declined");
  }

  // ------------------------------------------------------------------ comparison

  /** Normalises like the engine, reads both ways, compares; true if the splitter read it itself. */
  private static boolean sameTree(String name, byte[] raw, int maxDepth, int maxFields) {
    Normalizer.Normalized normalized = Normalizer.normalizeMessage(raw, raw.length, Limits.DEFAULT_MAX_LINE_LENGTH,
        Limits.DEFAULT_MAX_HEADER_BYTES, new Diags(100));
    byte[] norm = normalized.bytes();
    boolean split = compare(name, norm, maxDepth, maxFields);
    // the normaliser's text and its promise of no CR change nothing
    Deadline deadline = new Deadline(Duration.ofHours(1));
    Diags plainDiags = new Diags(100);
    Diags givenDiags = new Diags(100);
    MimePart plain = new MimeReader(maxDepth, maxFields, plainDiags, deadline).read(norm);
    MimePart given = new MimeReader(maxDepth, maxFields, givenDiags, deadline).read(normalized);
    assertThat(dump(given)).as("tree of %s read with its text", name).isEqualTo(dump(plain));
    assertThat(diags(givenDiags)).as("diagnostics of %s read with its text", name).isEqualTo(diags(plainDiags));
    return split;
  }

  /** Input that still has CRs: the splitter must decline or agree. */
  private static boolean sameTreeUnnormalised(String name, byte[] raw) {
    return compare(name, raw, Limits.DEFAULT_MAX_MIME_DEPTH, Limits.DEFAULT_MAX_HEADER_FIELDS);
  }

  private static boolean compare(String name, byte[] bytes, int maxDepth, int maxFields) {
    Deadline deadline = new Deadline(Duration.ofHours(1));
    Diags jd = new Diags(100);
    MimePart jakarta = new MimeReader(maxDepth, maxFields, jd, deadline).readWithJakarta(bytes);
    Diags sd = new Diags(100);
    MimePart split = new MimeSplitter(maxDepth, Math.max(1, maxFields), deadline).split(bytes, sd);
    if (split == null) {
      assertThat(sd.toList()).as("a declining splitter reports nothing: %s", name).isEmpty();
      return false;
    }
    assertThat(dump(split)).as("tree of %s", name).isEqualTo(dump(jakarta));
    assertThat(diags(sd)).as("diagnostics of %s", name).isEqualTo(diags(jd));
    return true;
  }

  private static List<String> diags(Diags d) {
    List<String> out = new ArrayList<>();
    for (Diagnostic x : d.toList()) {
      out.add(x.severity() + " " + x.code().value() + " " + x.message());
    }
    return out;
  }

  /** Everything the tree holds, one line per part and field, bodies escaped. */
  private static String dump(MimePart p) {
    StringBuilder sb = new StringBuilder();
    dump(p, sb);
    return sb.toString();
  }

  private static void dump(MimePart p, StringBuilder sb) {
    sb.append("part '").append(p.path).append("' depth ").append(p.depth).append(" root ").append(p.messageRoot)
        .append(" type ").append(p.type.mimeType());
    for (Map.Entry<String, String> e : p.type.params().entrySet()) {
      sb.append(" ; ").append(e.getKey()).append('=').append(escape(e.getValue()));
    }
    sb.append('\n');
    for (Headers.Field f : p.headers.fields()) {
      sb.append("  [").append(escape(f.name())).append("] = [").append(escape(f.value())).append("]\n");
    }
    sb.append("  body ").append(p.body().length).append(": ")
        .append(escape(new String(p.body(), StandardCharsets.ISO_8859_1))).append('\n');
    sb.append("  children ").append(p.children.size()).append('\n');
    for (MimePart c : p.children) {
      dump(c, sb);
    }
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static List<Path> messages(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".eml") || p.toString().endsWith(".txt"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ generator

  /** Random MIME messages with the structures the splitter must read as Jakarta does. */
  private static final class Gen {
    final Random r;

    Gen(Random r) {
      this.r = r;
    }

    <T> T pick(T[] a) {
      return a[r.nextInt(a.length)];
    }

    String boundary() {
      String[] alphabets = {"abc", "a", "-", "=_", "0123456789", "ab'()+_,-./:=? ", "xX=-"};
      String alphabet = pick(alphabets);
      int len = 1 + r.nextInt(r.nextBoolean() ? 4 : 30);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      return sb.toString();
    }

    String ws() {
      return pick(new String[] {"", "", "", " ", "\t", "  \t ", " "});
    }

    String headers(String contentType, String cte) {
      StringBuilder sb = new StringBuilder();
      int extra = r.nextInt(4);
      for (int i = 0; i < extra; i++) {
        switch (r.nextInt(11)) {
          case 0 -> sb.append("Subject: hello").append(ws()).append('\n');
          case 1 -> sb.append("X-Folded:").append(ws()).append("\n").append(pick(new String[] {" ", "\t"}))
              .append("more").append(ws()).append('\n');
          case 2 -> sb.append("Received: from a\n\tby b;").append(ws()).append("\n  id 1\n");
          case 3 -> sb.append("X-Utf8: caf\u00c3\u00a9 ").append('\n');
          case 4 -> sb.append("X-Latin: caf\u00e9\n");
          case 5 -> sb.append("no colon line\n");
          case 6 -> sb.append("Empty:\n");
          case 7 -> sb.append(" X-Name ").append(": v\n");
          case 8 -> sb.append("X-Replacement: \u00ef\u00bf\u00bd\n"); // U+FFFD in UTF-8
          case 9 -> sb.append("X-Broken: caf\u00c3 \u00ed\u00a0\u0080\n"); // cut short; a surrogate
          default -> sb.append("X-Space:  \n   \n");
        }
      }
      if (contentType != null) {
        String name = pick(new String[] {"Content-Type", "content-type", "Content-Type "});
        sb.append(name).append(':').append(pick(new String[] {" ", "", "\t"}));
        if (r.nextInt(4) == 0) {
          sb.append(contentType.replace("; ", ";\n\t"));
        } else {
          sb.append(contentType);
        }
        sb.append('\n');
      }
      if (cte != null) {
        sb.append("Content-Transfer-Encoding: ").append(cte).append('\n');
      }
      int order = r.nextInt(8);
      if (order == 0 && sb.length() > 0) {
        return sb.toString(); // no blank line: the header section runs on into the content
      }
      return sb.append('\n').toString();
    }

    String lines(String boundary) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        switch (r.nextInt(10)) {
          case 0 -> sb.append("--").append(boundary).append("x\n");
          case 1 -> sb.append("text --").append(boundary).append('\n');
          case 2 -> sb.append("-----\n");
          case 3 -> sb.append("--\n");
          case 4 -> sb.append("a=3Db=\nc =ZZ end\n");
          case 5 -> sb.append("\n");
          case 6 -> sb.append("--").append(boundary).append("-x\n");
          case 7 -> sb.append("aGVsbG8gd29ybGQ=\n");
          default -> sb.append("line ").append(r.nextInt(100)).append(ws()).append('\n');
        }
      }
      return sb.toString();
    }

    /** A message or part; {@code outer} is the enclosing boundary, for lines that look like it. */
    String entity(int depth, String outer) {
      int kind = depth >= 4 ? 2 + r.nextInt(3) : r.nextInt(6);
      switch (kind) {
        case 0:
        case 1:
          return multipart(depth);
        case 2:
          return embedded(depth, outer);
        default:
          return leaf(outer);
      }
    }

    String multipart(int depth) {
      String b = boundary();
      boolean quoted = b.contains(" ") || b.matches(".*[()<>@,;:\\\\\"/\\[\\]?=].*") || r.nextBoolean();
      String sub = pick(new String[] {"mixed", "report; report-type=delivery-status", "alternative", "digest"});
      String ct = "multipart/" + sub;
      if (r.nextInt(10) != 0) {
        ct += "; boundary=" + (quoted ? "\"" + b + "\"" : b);
      }
      StringBuilder sb = new StringBuilder(headers(ct, r.nextInt(10) == 0 ? "7bit" : null));
      if (r.nextBoolean()) {
        sb.append(lines(b));
      }
      int n = r.nextInt(5);
      for (int i = 0; i < n; i++) {
        sb.append("--").append(b).append(ws()).append('\n');
        String part = entity(depth + 1, b);
        sb.append(part);
        if (r.nextInt(6) != 0 && !part.endsWith("\n")) {
          sb.append('\n');
        } else if (r.nextInt(3) == 0) {
          sb.append('\n');
        }
      }
      switch (r.nextInt(5)) {
        case 0 -> { } // missing end boundary
        case 1 -> sb.append("--").append(b).append("--").append(ws()).append('\n').append(lines(b));
        case 2 -> sb.append("--").append(b).append("--trailing\n");
        case 3 -> sb.append("--").append(b).append("--");
        default -> sb.append("--").append(b).append("--\n");
      }
      return sb.toString();
    }

    String embedded(int depth, String outer) {
      String inner = entity(depth + 1, outer);
      switch (r.nextInt(4)) {
        case 0:
          return headers("message/rfc822", "base64")
              + Base64.getMimeEncoder().encodeToString(inner.getBytes(StandardCharsets.ISO_8859_1)) + "\n";
        case 1:
          String crlf = inner.replace("\n", "\r\n");
          return headers("message/rfc822", "base64")
              + Base64.getMimeEncoder().encodeToString(crlf.getBytes(StandardCharsets.ISO_8859_1)) + "\n";
        default:
          return headers(pick(new String[] {"message/rfc822", "message/global", "message/rfc822; x=1"}),
              r.nextInt(5) == 0 ? "8bit" : null) + inner;
      }
    }

    String leaf(String outer) {
      String type = pick(new String[] {null, "text/plain", "text/plain; charset=utf-8", "text/html",
          "message/delivery-status", "text/rfc822-headers", "application/octet-stream", "image/png"});
      String cte = pick(new String[] {null, null, "quoted-printable", "base64", "7bit"});
      return headers(type, cte) + lines(outer);
    }
  }
}
