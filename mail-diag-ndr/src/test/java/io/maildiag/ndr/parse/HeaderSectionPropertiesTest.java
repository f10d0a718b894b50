package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The two readings of where a header section is that work on bytes, against references written
 * with regular expressions over the lines: {@link Engine#hasHeaderField} (is there a header
 * section at all) and {@link Normalizer#whiteLinesAsEmpty} (lines of white space standing for
 * empty lines).
 */
class HeaderSectionPropertiesTest {

  private static final Pattern FIELD = Pattern.compile("[!-9;-~]+[ \t]*:.*", Pattern.DOTALL);
  private static final Pattern WHITE = Pattern.compile("[ \t]+");

  @Provide
  Arbitrary<byte[]> messages() {
    return Arbitraries.of("From: a@example.org", "Subject : x", "X-Y:", "not a field", "name with space: v", ":v",
            "", " ", "\t", " \t ", "  folded", "a@b", "\u00e9: v", "Status: 5.1.1", "body text")
        .list().ofMaxSize(12)
        .map(lines -> String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 3000)
  void hasHeaderFieldIsAFieldLineBeforeTheFirstEmptyOne(@ForAll("messages") byte[] b) {
    String text = new String(b, StandardCharsets.ISO_8859_1);
    boolean expected = false;
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        break;
      }
      if (FIELD.matcher(line).matches()) {
        expected = true;
        break;
      }
    }
    assertThat(Engine.hasHeaderField(b)).as(text).isEqualTo(expected);
  }

  @Property(tries = 3000)
  void whiteLinesBecomeEmptyOnlyWithoutAnEmptyLine(@ForAll("messages") byte[] b) {
    String text = new String(b, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\n", -1);
    boolean empty = false;
    boolean white = false;
    for (int i = 0; i < lines.length; i++) {
      boolean terminated = i < lines.length - 1; // the last piece has no LF after it
      empty |= lines[i].isEmpty() && terminated;
      white |= WHITE.matcher(lines[i]).matches() && terminated;
    }
    byte[] out = Normalizer.whiteLinesAsEmpty(b);
    if (empty || !white) {
      assertThat(out).as(text).isNull();
      return;
    }
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      boolean terminated = i < lines.length - 1;
      expected.append(terminated && WHITE.matcher(lines[i]).matches() ? "" : lines[i]);
      if (terminated) {
        expected.append('\n');
      }
    }
    assertThat(out).as(text).isNotNull();
    assertThat(new String(out, StandardCharsets.ISO_8859_1)).isEqualTo(expected.toString());
  }

  @Property(tries = 3000)
  void readingAMessageMakesItsWhiteLinesEmptyWhateverItsLineBreaks(@ForAll("messages") byte[] b, @ForAll boolean crlf) {
    // LF line breaks take the path that finds an empty line in the text made on the way, CRLF the other
    byte[] in = crlf
        ? new String(b, StandardCharsets.ISO_8859_1).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)
        : b;
    byte[] blanked = Normalizer.whiteLinesAsEmpty(b);
    Diags diags = new Diags(10);
    byte[] got = Normalizer.normalizeReadingWhiteLines(in, in.length, 1_000_000, 1_000_000, diags).bytes();
    assertThat(new String(got, StandardCharsets.ISO_8859_1))
        .isEqualTo(new String(blanked == null ? b : blanked, StandardCharsets.ISO_8859_1));
    assertThat(diags.toList()).hasSize(blanked == null ? 0 : 1);
  }
}
