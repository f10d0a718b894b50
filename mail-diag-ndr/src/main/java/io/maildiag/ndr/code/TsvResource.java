package io.maildiag.ndr.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated data files of this package; a malformed file is a build defect. */
final class TsvResource {

  /** One data line: its 1-based line number and its fields. */
  record Row(int line, List<String> fields) {
    String get(int i) {
      return fields.get(i);
    }
  }

  private TsvResource() {}

  /**
   * Reads {@code name} next to this class, skipping blank lines and {@code #} comments.
   *
   * @throws IllegalStateException if the resource is missing or a line has a wrong field count
   */
  static List<Row> read(String name, int minFields, int maxFields) {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = TsvResource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource io/maildiag/ndr/code/" + name);
      }
      // decoded at once (ASCII takes the JDK's quick path) and cut into lines as BufferedReader.readLine
      // cuts them (LF, CR or CRLF), which costs much less than a reader while the JVM is cold
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int n = text.length();
      int start = 0;
      int number = 0;
      // the next LF and the next CR at or after start (n: none)
      int lf = indexOrEnd(text, '\n', 0);
      int cr = indexOrEnd(text, '\r', 0);
      while (start < n) {
        int end = Math.min(lf, cr);
        String line = text.substring(start, end);
        start = end == cr && lf == cr + 1 ? lf + 1 : end + 1;
        if (lf < start) {
          lf = indexOrEnd(text, '\n', start);
        }
        if (cr < start) {
          cr = indexOrEnd(text, '\r', start);
        }
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> fields = List.of(line.split("\t", -1));
        if (fields.size() < minFields || fields.size() > maxFields) {
          throw new IllegalStateException(name + ":" + number + ": expected " + minFields + " to " + maxFields
              + " tab-separated fields, found " + fields.size());
        }
        String[] stripped = new String[fields.size()];
        for (int i = 0; i < stripped.length; i++) {
          stripped[i] = fields.get(i).strip();
        }
        rows.add(new Row(number, List.of(stripped)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return List.copyOf(rows);
  }

  /** The index of {@code c} in {@code text} at or after {@code from}, or the length if none. */
  private static int indexOrEnd(String text, char c, int from) {
    int i = text.indexOf(c, from);
    return i < 0 ? text.length() : i;
  }
}
