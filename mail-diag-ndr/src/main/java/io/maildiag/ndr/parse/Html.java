package io.maildiag.ndr.parse;

import io.maildiag.core.internal.LowerCase;
import java.util.Locale;

/** Turns HTML into plain text: tags removed, block ends become line breaks, entities decoded. Linear. */
final class Html {
  /** Tag names that matter; any other tag name is read as {@link #OTHER}. */
  private static final String[] KNOWN = {"script", "style", "head", "title", "br", "p", "div", "tr", "li", "h1",
      "h2", "h3", "h4", "table", "tbody", "pre", "blockquote", "hr", "ul", "ol", "td"};
  /** {@link #KNOWN} by name length. */
  private static final String[][] KNOWN_BY_LENGTH = new String[11][];
  private static final String OTHER = "";
  /** The characters that end a run of plain text: '<', '&', LF, CR and tab, as bits of a mask. */
  private static final long SPECIAL = 1L << '<' | 1L << '&' | 1L << '\n' | 1L << '\r' | 1L << '\t';
  private static final String COMMENT = "!--";

  static {
    for (int len = 0; len < KNOWN_BY_LENGTH.length; len++) {
      java.util.List<String> known = new java.util.ArrayList<>();
      for (String k : KNOWN) {
        if (k.length() == len) {
          known.add(k);
        }
      }
      KNOWN_BY_LENGTH[len] = known.toArray(new String[0]);
    }
  }

  private Html() {}

  /** Openings of markup; a text labelled HTML that holds none of them is plain text. */
  private static final String[] MARKUP = {"</", "<br", "<p>", "<p ", "<html", "<body", "<div", "<table", "<font",
      "<span", "<a ", "<img", "<!--", "&nbsp;", "&lt;", "&gt;", "&amp;", "&#"};

  /**
   * Whether {@code s} holds markup: a closing tag, a common opening tag, a comment or a character
   * reference (ASCII case folded). Some servers label a plain-text notice {@code text/html}; read as
   * HTML, its line breaks would be lost.
   */
  static boolean hasMarkup(String s) {
    for (String m : MARKUP) {
      if (containsAsciiLower(s, 0, s.length(), m)) {
        return true;
      }
    }
    return false;
  }

  /** Whether text labelled plain is really an HTML document: it starts with a tag and names html or body early. */
  static boolean isHtmlDocument(String s) {
    int n = s.length();
    int st = 0;
    while (st < n) { // what stripLeading() would drop
      int cp = s.codePointAt(st);
      if (!Character.isWhitespace(cp)) {
        break;
      }
      st += Character.charCount(cp);
    }
    if (st >= n || s.charAt(st) != '<') {
      return false;
    }
    int end = Math.min(n, st + 512);
    for (int k = st; k < end; k++) {
      if (s.charAt(k) >= 0x80) {
        // non-ASCII: lower-case exactly as before (a few characters change length when lower-cased)
        String head = s.substring(st, end).toLowerCase(Locale.ROOT);
        return head.startsWith("<html") || head.startsWith("<!doctype html") || head.contains("<body");
      }
    }
    return startsWithAsciiLower(s, st, end, "<html") || startsWithAsciiLower(s, st, end, "<!doctype html")
        || containsAsciiLower(s, st, end, "<body");
  }

  /** Whether ASCII {@code s[from, to)} lower-cased starts with {@code lower} at {@code from}. */
  private static boolean startsWithAsciiLower(String s, int from, int to, String lower) {
    return to - from >= lower.length() && Keywords.startsWithAscii(s, from, lower);
  }

  private static boolean containsAsciiLower(String s, int from, int to, String lower) {
    for (int k = s.indexOf(lower.charAt(0), from); k >= 0 && k + lower.length() <= to;
        k = s.indexOf(lower.charAt(0), k + 1)) {
      if (startsWithAsciiLower(s, k, to, lower)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text of {@code html}: tags dropped (script, style, head and title with their content, and
   * comments), block tags ending lines, entities decoded, CR, LF and tab read as spaces; then each
   * line stripped, runs of spaces made one and runs of blank lines kept to one, every line ending
   * with an LF. The lines are tidied as they are written ({@link Lines}), in the one pass.
   */
  static String toText(String html) {
    String in = html; // read in place: a Latin-1 string is not inflated to chars
    int n = in.length();
    // every input character gives at most one output character (an entity or a tag gives fewer);
    // one more for the line break the last line ends with
    Lines out = new Lines(new char[n + 1]);
    int i = 0;
    while (i < n) {
      i = out.addPlain(in, i, n); // plain text up to the next markup or line break
      if (i >= n) {
        break;
      }
      char c = in.charAt(i);
      if (c == '<') {
        int close = html.indexOf('>', i + 1);
        if (close < 0) {
          break;
        }
        String tag = tagName(in, i + 1, close);
        if (tag.equals("script") || tag.equals("style") || tag.equals("head") || tag.equals("title")) {
          int end = indexOfIgnoreCase(html, "</" + tag, close + 1);
          if (end < 0) {
            break;
          }
          int endClose = html.indexOf('>', end);
          i = endClose < 0 ? n : endClose + 1;
          continue;
        }
        if (tag.equals(COMMENT)) {
          int end = html.indexOf("-->", i + 4);
          i = end < 0 ? n : end + 3;
          continue;
        }
        if (isBlock(tag)) {
          out.endLine();
        }
        i = close + 1;
        continue;
      }
      if (c == '&') {
        int semi = indexOf(in, ';', i + 1, Math.min(n, i + 11)); // an entity is at most 9 characters
        if (semi > 0) {
          String rep = entity(in, i + 1, semi);
          if (rep != null) {
            for (int k = 0; k < rep.length(); k++) {
              out.add(rep.charAt(k)); // a numeric entity may stand for an LF
            }
            i = semi + 1;
            continue;
          }
        }
        out.add('&');
        i++;
        continue;
      }
      out.add(' '); // CR, LF, tab
      i++;
    }
    out.endLine();
    return out.text();
  }

  /**
   * Lines written tidied: each line stripped (String.strip: no whitespace char is supplementary),
   * a space after a space dropped within it, and at most one blank line in a row. The same as
   * writing the text and then tidying its lines: leading whitespace is not written, a line's
   * trailing whitespace is taken back at its end (what was written of the stripped line ends with
   * its last char, which is not whitespace), and a space is dropped exactly when the char read
   * before it (written or not) was a space.
   */
  private static final class Lines {
    private final char[] out;
    private int o;
    /** Where the current line starts in {@link #out}. */
    private int lineStart;
    /** The char read before, in the current line (an LF at its start). */
    private char prev = '\n';
    /** Blank lines in a row so far. */
    private int blank;

    Lines(char[] out) {
      this.out = out;
    }

    /** One char of text; an LF ends the line. */
    void add(char c) {
      if (c == '\n') {
        endLine();
        return;
      }
      if (o == lineStart ? Character.isWhitespace(c) : c == ' ' && prev == ' ') {
        prev = c; // leading whitespace, or a space after a space: not written
        return;
      }
      out[o++] = c;
      prev = c;
    }

    /**
     * The chars from {@code in[from]} up to the first {@link #SPECIAL} one (or {@code n}), scanned
     * and written in the one loop; returns where it stopped.
     */
    int addPlain(String in, int from, int n) {
      int k = from;
      for (; o == lineStart && k < n; k++) { // leading whitespace, char by char
        char c = in.charAt(k);
        if (c < 0x40 && (SPECIAL >>> c & 1) != 0) {
          return k;
        }
        add(c);
      }
      char p = prev;
      int w = o;
      for (; k < n; k++) {
        char c = in.charAt(k);
        if (c < 0x40) {
          if ((SPECIAL >>> c & 1) != 0) {
            break;
          }
          if (c == ' ' && p == ' ') {
            continue; // a space after a space
          }
        }
        out[w++] = c;
        p = c;
      }
      o = w;
      prev = p;
      return k;
    }

    /** Ends the current line: its trailing whitespace dropped; a blank line kept only after one that is not. */
    void endLine() {
      while (o > lineStart && Character.isWhitespace(out[o - 1])) {
        o--;
      }
      if (o > lineStart) {
        blank = 0;
        out[o++] = '\n';
      } else if (++blank <= 1) {
        out[o++] = '\n';
      }
      lineStart = o;
      prev = '\n';
    }

    String text() {
      return new String(out, 0, o);
    }
  }

  /**
   * The tag's name lower-cased, as one of {@link #KNOWN}, {@link #COMMENT}, or {@link #OTHER} for
   * any other name (only these are ever compared).
   */
  private static String tagName(String s, int from, int to) {
    int i = from;
    if (i < to && s.charAt(i) == '/') {
      i++;
    }
    if (i + 3 <= s.length() && s.charAt(i) == '!' && s.charAt(i + 1) == '-' && s.charAt(i + 2) == '-') {
      return COMMENT;
    }
    int st = i;
    boolean ascii = true;
    while (i < to) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
          break;
        }
      } else if (Character.isLetterOrDigit(c)) {
        ascii = false;
      } else {
        break;
      }
      i++;
    }
    int len = i - st;
    if (len == 0 || len > 10) {
      return OTHER; // no known name is longer than "blockquote"
    }
    if (!ascii) {
      return known(s.substring(st, st + len).toLowerCase(Locale.ROOT));
    }
    // the name's chars are ASCII letters and digits: | 0x20 lower-cases a letter and keeps a digit,
    // so the first chars are compared inline before the rest (eleven known names have two chars)
    char first = (char) (s.charAt(st) | 0x20);
    for (String k : KNOWN_BY_LENGTH[len]) {
      if (k.charAt(0) == first && Keywords.startsWithAscii(s, st, k)) {
        return k;
      }
    }
    return OTHER;
  }

  private static String known(String lower) {
    for (String k : KNOWN) {
      if (k.equals(lower)) {
        return k;
      }
    }
    return OTHER;
  }

  private static boolean isBlock(String tag) {
    switch (tag) {
      case "br": case "p": case "div": case "tr": case "li": case "h1": case "h2": case "h3": case "h4":
      case "table": case "tbody": case "pre": case "blockquote": case "hr": case "ul": case "ol": case "td":
        return true;
      default:
        return false;
    }
  }

  /** Like a case-insensitive indexOf of {@code what} (which starts with '<'), trying only the '<' positions. */
  private static int indexOfIgnoreCase(String s, String what, int from) {
    int n = s.length() - what.length();
    for (int i = s.indexOf('<', Math.max(0, from)); i >= 0 && i <= n; i = s.indexOf('<', i + 1)) {
      // what starts "</": test the '/' before comparing the rest
      if (s.charAt(i + 1) == '/' && s.regionMatches(true, i, what, 0, what.length())) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(String s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** {@link #entity(String)} of {@code in[from, to)}: a named entity is found without building the string. */
  private static String entity(String in, int from, int to) {
    if (from < to && in.charAt(from) == '#') {
      return entity(in.substring(from, to)); // a number, never a name
    }
    for (int k = 0; k < ENTITY_NAMES.length; k++) {
      if (ENTITY_NAMES[k].length() == to - from && Keywords.startsWithAscii(in, from, ENTITY_NAMES[k])) {
        // none of the names holds a 'k' or an 'i': only ASCII letters lower-case to their letters
        return ENTITY_TEXTS[k];
      }
    }
    return null;
  }

  /** The named entities {@link #entity(String)} knows, lower-case, and what each stands for. */
  private static final String[] ENTITY_NAMES = {"lt", "gt", "amp", "quot", "apos", "nbsp"};
  private static final String[] ENTITY_TEXTS = {"<", ">", "&", "\"", "'", " "};

  private static String entity(String e) {
    switch (LowerCase.root(e)) {
      case "lt": return "<";
      case "gt": return ">";
      case "amp": return "&";
      case "quot": return "\"";
      case "apos": return "'";
      case "nbsp": return " ";
      default:
        break;
    }
    try {
      if (e.startsWith("#x") || e.startsWith("#X")) {
        return new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
      }
      if (e.startsWith("#")) {
        return new String(Character.toChars(Integer.parseInt(e.substring(1))));
      }
    } catch (RuntimeException ex) {
      return null;
    }
    return null;
  }
}
