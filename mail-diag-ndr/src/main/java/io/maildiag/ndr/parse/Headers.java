package io.maildiag.ndr.parse;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/** An ordered list of header fields, values unfolded and re-decoded (UTF-8 where valid). Immutable. */
final class Headers {
  static final Headers EMPTY = new Headers(new Field[0]);

  /**
   * One field: the name as written and the unfolded value. A field read from message bytes keeps
   * where its value is and decodes it when first asked for: most fields of attached messages and
   * body parts are never read.
   */
  static final class Field {
    private final String name;
    private String value;
    /** The raw value's buffer and range, kept once the value is decoded; null for a field made from strings. */
    private final byte[] buf;
    /** Or the text holding the value of a field {@link #parse} read, until read ({@link #parsedValue}). */
    private String src;
    private final int from;
    private final int to;
    private final boolean folded;

    Field(String name, String value) {
      this.name = name;
      this.value = value;
      this.buf = null;
      this.from = 0;
      this.to = 0;
      this.folded = false;
    }

    /** A field whose value is {@code buf[from, to)}, decoded as {@link MimeSplitter#value} does when first read. */
    Field(String name, byte[] buf, int from, int to, boolean folded) {
      this.name = name;
      this.buf = buf;
      this.from = from;
      this.to = to;
      this.folded = folded;
    }

    /**
     * A field whose value is {@code src[from, to)} as {@link #parsedValue} reads it ({@code folded}:
     * the value has continuation lines), cut out when first read: most values of a returned
     * message's header are never read.
     */
    Field(String name, String src, int from, int to, boolean folded) {
      this.name = name;
      this.buf = null;
      this.src = src;
      this.from = from;
      this.to = to;
      this.folded = folded;
    }

    String name() {
      return name;
    }

    String value() {
      String v = value;
      if (v == null) {
        v = buf != null ? MimeSplitter.value(buf, from, to, folded) : parsedValue(src, from, to, folded);
        value = v;
        src = null;
      }
      return v;
    }

    /**
     * Appends the value as {@link #value()} gives it to {@code out} at {@code o}, one byte a char,
     * from the message bytes the field was read from, when it was read from bytes and they are
     * ASCII (which decode to themselves): the next index, or -1 when that is not so (the caller then
     * reads {@link #value()}). {@code out} has room for {@link #rawLength()} bytes from {@code o}.
     */
    int putAsciiValue(byte[] out, int o) {
      return buf == null ? -1 : MimeSplitter.putAsciiValue(buf, from, to, folded, out, o);
    }

    /** The length of the raw value, which {@link #putAsciiValue} never exceeds; 0 when not read from bytes. */
    int rawLength() {
      return buf == null ? 0 : to - from;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Field f && name.equals(f.name) && value().equals(f.value());
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + value().hashCode();
    }

    @Override
    public String toString() {
      return "Field[name=" + name + ", value=" + value() + "]";
    }
  }

  private final Field[] array;
  /**
   * The bytes the section was read from, {@code raw[rawFrom, rawTo)}: its lines as written, folds
   * and all (null for a section made from strings). Every char of a field's name and value is in
   * them, which lets a search rule a word out without making the fields' lines ({@link
   * Formats.HeaderLines}).
   */
  private final byte @Nullable [] raw;
  private final int rawFrom;
  private final int rawTo;
  /**
   * The length of each field's name, made at the first look-up by name: a name of another length is
   * never the one looked up (ignoring case or not), so the look-ups after it pass over most fields
   * by reading this array alone. Most sections of body parts are never looked up.
   */
  private int[] nameLengths;
  private List<Field> fields;

  Headers(List<Field> fields) {
    this(fields.toArray(new Field[0]));
  }

  /** Headers over {@code array}, which the caller hands over and no longer changes. */
  Headers(Field[] array) {
    this(array, null, 0, 0);
  }

  /** {@link #Headers(Field[])} for fields read from the section {@code raw[from, to)}. */
  Headers(Field[] array, byte @Nullable [] raw, int from, int to) {
    this.array = array;
    this.raw = raw;
    this.rawFrom = from;
    this.rawTo = to;
  }

  /** The bytes the section was read from (see {@link #rawFrom}), or null when it was not read from bytes. */
  byte @Nullable [] raw() {
    return raw;
  }

  /** Where the section starts in {@link #raw()}. */
  int rawFrom() {
    return rawFrom;
  }

  /** Where the section ends in {@link #raw()}. */
  int rawTo() {
    return rawTo;
  }

  List<Field> fields() {
    List<Field> f = fields;
    if (f == null) {
      f = new FieldList(array);
      fields = f;
    }
    return f;
  }

  /**
   * A read-only view of the fields. A class of its own rather than Collections.unmodifiableList,
   * whose interface checks (instanceof RandomAccess) showed up in profiles.
   */
  private static final class FieldList extends AbstractList<Field> implements RandomAccess {
    private final Field[] array;

    FieldList(Field[] array) {
      this.array = array;
    }

    @Override
    public Field get(int index) {
      return array[index];
    }

    @Override
    public int size() {
      return array.length;
    }
  }

  boolean isEmpty() {
    return array.length == 0;
  }

  /** The first value of the named field, unfolded and trimmed. */
  Optional<String> get(String name) {
    int i = indexOf(name);
    return i < 0 ? Optional.empty() : Optional.of(array[i].value().trim());
  }

  /** The value of field {@code i}, unfolded and trimmed, as {@link #get} returns it. */
  String valueAt(int i) {
    return array[i].value().trim();
  }

  /** The first value with RFC 2047 encoded words decoded. */
  Optional<String> decoded(String name) {
    Optional<String> raw = get(name);
    return raw.isPresent() ? Optional.ofNullable(EncodedWords.decode(raw.get())) : Optional.empty();
  }

  List<String> all(String name) {
    List<String> out = new ArrayList<>();
    int[] lengths = nameLengths();
    int n = name.length();
    for (int i = 0; i < array.length; i++) {
      if (lengths[i] == n && sameName(array[i].name, name)) {
        out.add(array[i].value().trim());
      }
    }
    return out;
  }

  /**
   * The index of the first field at or after {@code from} whose name is one of {@code names}
   * (ignoring case, as {@link #get} compares them), or -1.
   */
  int nextNamed(String[] names, int from) {
    int[] lengths = nameLengths();
    for (int i = from; i < array.length; i++) {
      int n = lengths[i];
      for (String name : names) {
        if (name.length() == n && sameName(array[i].name, name)) {
          return i;
        }
      }
    }
    return -1;
  }

  private int[] nameLengths() {
    int[] lengths = nameLengths;
    if (lengths == null) {
      lengths = new int[array.length];
      for (int i = 0; i < array.length; i++) {
        lengths[i] = array[i].name.length();
      }
      nameLengths = lengths;
    }
    return lengths;
  }

  /** The first field of that name (ignoring case, as {@link #get} finds it), or null. */
  @Nullable Field first(String name) {
    int i = indexOf(name);
    return i < 0 ? null : array[i];
  }

  boolean has(String name) {
    return indexOf(name) >= 0;
  }

  /**
   * {@code a.equalsIgnoreCase(b)}. Two ASCII chars are equal ignoring case exactly when their ASCII
   * lower cases are, so only a name with other chars needs equalsIgnoreCase itself. The names looked
   * up are literals, and common field names are those same interned strings, so most hits are the
   * one object and most misses differ in length.
   */
  static boolean sameName(String a, String b) {
    if (a == b) {
      return true;
    }
    int n = a.length();
    if (n != b.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && ((x | y) >= 128 || Keywords.lower(x) != Keywords.lower(y))) {
        return (x | y) >= 128 && a.equalsIgnoreCase(b);
      }
    }
    return true;
  }

  /** The index of the first field of that name, or -1. */
  private int indexOf(String name) {
    int[] lengths = nameLengths();
    int n = name.length();
    for (int i = 0; i < array.length; i++) {
      if (lengths[i] == n && sameName(array[i].name, name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Unfolds a value: a line break (LF or CRLF) before a space or tab goes, any other LF becomes a
   * space, and every CR goes. One pass; the same as removing {@code \r?\n(?=[ \t])} and then every
   * CR, and turning every LF into a space.
   */
  static String unfold(String v) {
    int cr = v.indexOf('\r');
    int lf = v.indexOf('\n');
    if (cr < 0 && lf < 0) {
      return v;
    }
    int n = v.length();
    StringBuilder sb = new StringBuilder(n);
    int i = 0;
    while (cr >= 0 || lf >= 0) {
      // copy up to the next CR or LF; a CR goes, an LF becomes a space unless a space or tab follows
      int j = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      sb.append(v, i, j);
      if (j == lf) {
        if (!(j + 1 < n && (v.charAt(j + 1) == ' ' || v.charAt(j + 1) == '\t'))) {
          sb.append(' ');
        }
        lf = v.indexOf('\n', j + 1);
      } else {
        cr = v.indexOf('\r', j + 1);
      }
      i = j + 1;
    }
    sb.append(v, i, n);
    return sb.toString();
  }

  /** Result of {@link #parse}: the header fields and where the body starts in the text. */
  record Parsed(Headers headers, int bodyStart, boolean sawBlankLine) {}

  /**
   * Parses a header block at the start of {@code text} (LF line endings). Stops at the first empty
   * line, or at the first line that is neither a field nor a continuation.
   */
  static Parsed parse(String text, int maxFields) {
    List<Field> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    String name = null;
    int valueFrom = 0; // the value's lines, text[valueFrom, valueTo)
    int valueTo = 0;
    boolean continued = false; // whether the value has continuation lines
    boolean blank = false;
    while (i < n) {
      int eol = text.indexOf('\n', i);
      int end = eol < 0 ? n : eol;
      int next = eol < 0 ? n : eol + 1;
      if (end == i) {
        blank = true;
        i = next;
        break;
      }
      char c = text.charAt(i);
      if ((c == ' ' || c == '\t') && name != null) {
        valueTo = end; // the lines follow one another: the value's text runs on to this line's end
        continued = true;
        i = next;
        continue;
      }
      int colon = text.indexOf(':', i);
      if (colon < 0 || colon >= end || colon == i || !isFieldName(text, i, colon)) {
        break; // not a header line: the block ends here
      }
      if (name != null && out.size() < maxFields) {
        out.add(new Field(name, text, valueFrom, valueTo, continued));
      }
      name = trimmed(text, i, colon);
      valueFrom = colon + 1;
      valueTo = end;
      continued = false;
      i = next;
    }
    if (name != null && out.size() < maxFields) {
      out.add(new Field(name, text, valueFrom, valueTo, continued));
    }
    return new Parsed(new Headers(out), i, blank);
  }

  /**
   * A parsed value as {@link Field#value} cuts it out when first read: {@code text[from, to)} trimmed,
   * each LF a space when the value has continuation lines (its lines joined by spaces: the lines
   * follow one another, one LF apart). Trimming first gives the same text, as LF and space are both
   * trimmed.
   */
  private static String parsedValue(String text, int from, int to, boolean continued) {
    String v = trimmed(text, from, to);
    return continued ? v.replace('\n', ' ') : v;
  }

  /** {@code text.substring(from, to).trim()} with one copy at most. */
  private static String trimmed(String text, int from, int to) {
    while (from < to && text.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && text.charAt(to - 1) <= ' ') {
      to--;
    }
    return text.substring(from, to);
  }

  private static boolean isFieldName(String s, int from, int to) {
    if (to - from > 76) {
      return false;
    }
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c <= ' ' || c >= 127) {
        // allow trailing spaces before the colon ("Subject :")
        if (c == ' ' && s.substring(k, to).isBlank()) {
          return k > from;
        }
        return false;
      }
    }
    return true;
  }
}
