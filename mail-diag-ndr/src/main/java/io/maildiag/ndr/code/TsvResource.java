package io.maildiag.ndr.code;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
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
}
