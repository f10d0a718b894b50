package io.maildiag.ndr.parse;

import io.maildiag.core.internal.LowerCase;
import io.maildiag.ndr.code.Provider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the family of the system that wrote a bounce (postfix, exim, exchange, gmail...) from
 * its headers and wording, and the provider whose code meanings apply to a recipient's failure.
 */
final class Formats {
  private Formats() {}

  static final String POSTFIX = "postfix";
  static final String EXIM = "exim";
  static final String SENDMAIL = "sendmail";
  static final String QMAIL = "qmail";
  static final String COURIER = "courier";
  static final String EXCHANGE = "exchange";
  static final String MICROSOFT365 = "microsoft365";
  static final String GMAIL = "gmail";
  static final String YAHOO = "yahoo";
  static final String AMAZONSES = "amazonses";
  static final String SENDGRID = "sendgrid";
  static final String MAILGUN = "mailgun";
  static final String RFC3464 = "rfc3464";
  /** The fml mailing-list manager's notices to a list's administrator address. */
  static final String FML = "fml";
  static final String UNKNOWN = "unknown";

  /**
   * What the detector looks at: top-level headers as lower-cased lines ({@link HeaderLines}), and the
   * bounce text with its lower-cased copy and that copy's pairs of chars ({@code text.toLowerCase(Locale.ROOT)},
   * made once per message).
   */
  record Signals(String from, String subject, HeaderLines headers, String text, CharPairs textPairs, String reportingMta,
      boolean hasDsn) {}

  /**
   * The top-level header fields as the detector searches them: {@code blob.contains(w)} for the text
   * {@code blob = lowerHeaderLines(headers)} ({@code "\nname: value\n..."} lower-cased
   * with {@link Locale#ROOT}), answered from the same lines as written, without lower-casing them.
   * Most words are first ruled out by the section's own bytes ({@link #rawLower}), without the lines.
   *
   * <p>Lower-casing with {@link Locale#ROOT} maps a char to {@link Character#toLowerCase(char)}, except
   * that a capital sigma depends on what follows (either way not ASCII) and a dotted capital I ({@code
   * U+0130}) becomes {@code "i\u0307"}. So a char stands for an ASCII char of a lower-case word exactly
   * when it is that char in either case, or the Kelvin sign for {@code k}, or the dotted capital I for
   * an {@code i} that ends the word (the {@code U+0307} after it matches no ASCII char); and the word
   * is in the lower-cased lines exactly where the lines as written have chars standing for its chars.
   * Lower-casing only leaves lines out of a text that is long (the text's limit): such a text is
   * lower-cased and searched itself.
   */
  static final class HeaderLines {
    /** The longest lines searched as written: lower-casing at most doubles them, within the text's limit. */
    private static final int MAX_AS_WRITTEN = 100_000;
    /**
     * The chars a word is searched by, rarest in header lines first. Only these chars, and for a
     * letter its capital, stand for themselves ({@code k} and {@code i} are not among them).
     */
    private static final String ANCHORS = "\n()@;_/=vzqjwyxfgbhmu-.";
    /**
     * The words the detector asks for that start a line with {@code "x-"}: all of them are looked for
     * in one look at each line that starts so ({@link #lineWords}), the first time one is asked for.
     */
    private static final String[] LINE_WORDS = {"\nx-ses-", "\nx-sendgrid-", "\nx-mailgun-", "\nx-ms-exchange-",
        "\nx-ms-embedded-report", "\nx-postfix", "\nx-failed-recipients:"};
    private final Headers headers;
    /** The lines as written, or "" when they are too long; made on first use. */
    private String lines;
    /** The lines lower-cased when they are ASCII (then {@link #lines} is this too), else null. */
    private String asciiLower;
    private String blob;
    /** Bit k set when {@link #LINE_WORDS}[k] is in the lines; -1 until they are looked for. */
    private int lineWords = -1;
    /** The section as written, lower-cased after an LF, when it is ASCII ({@link #rawLower}); "" when not. */
    private String raw;
    /** How a line of {@link #LINE_WORDS} starts, in each case its x may be written in. */
    private static final String[] LINE_STARTS = {"\nx-", "\nX-"};

    HeaderLines(Headers headers) {
      this.headers = headers;
    }

    /** Whether a field of this name is there. */
    boolean has(String name) {
      return headers.has(name);
    }

    /** {@code blob.contains(w)} for a lower-case ASCII word {@code w}. */
    boolean contains(String w) {
      if (lines == null) {
        if (raw == null) {
          raw = rawLower(headers);
        }
        if (!raw.isEmpty() && !mayHold(w)) {
          return false; // ruled out by the section as written: the lines need not be made
        }
        byte[] ascii = asciiLines(headers);
        if (ascii == null) {
          lines = asWrittenFromValues(headers);
        } else if (ascii.length > MAX_AS_WRITTEN) {
          lines = "";
        } else {
          // ASCII: each char stands only for its lower case, so a word is searched as it is
          asciiLower = lowerAscii(ascii);
          lines = asciiLower;
        }
      }
      if (lines.isEmpty()) {
        if (blob == null) {
          blob = lowerHeaderLines(headers);
        }
        return blob.contains(w);
      }
      if (asciiLower != null) {
        return asciiLower.contains(w);
      }
      int k = lineWord(w);
      if (k >= 0) {
        if (lineWords < 0) {
          lineWords = lineWords(lines);
        }
        return (lineWords & 1 << k) != 0;
      }
      return standsIn(lines, w);
    }

    /** Whether the lines were made: false while every word asked for was ruled out by the section as written. */
    boolean linesMade() {
      return lines != null;
    }

    /**
     * An LF and the bytes the section was read from, lower-cased, when they are ASCII and not longer
     * than {@link #MAX_AS_WRITTEN}; "" when not (or not read from bytes).
     *
     * <p>Every piece of a word ({@link #pieces}) that the lines hold is in this text: a line of the
     * section is {@code "name: value"} with the name and the value cut out of the section's bytes,
     * trimmed of chars up to U+0020, and the LFs of the value's folds dropped. A fold's LF comes
     * before a space or a tab, so dropping it joins no two chars of a piece; and in ASCII bytes each
     * char stands only for itself and its capital.
     */
    static String rawLower(Headers headers) {
      byte[] b = headers.raw();
      int from = headers.rawFrom();
      int to = headers.rawTo();
      if (b == null || to - from > MAX_AS_WRITTEN || !Bytes.ascii(b, from, to)) {
        return "";
      }
      byte[] out = new byte[to - from + 1];
      out[0] = '\n';
      System.arraycopy(b, from, out, 1, to - from);
      return lowerAscii(out);
    }

    /**
     * {@link #piecesIn} the section as written. The pieces that start with {@code "x-"} (most of the
     * words the detector asks for) are answered from one look at each {@code "x-"} in it ({@link
     * #xPieces}), made the first time one is asked for, rather than by a search for each.
     */
    private boolean mayHold(String w) {
      int k = xPiece(w);
      if (k < 0) {
        return piecesIn(raw, w);
      }
      if (xPieces < 0) {
        xPieces = xPieces(raw);
      }
      return (xPieces & 1 << k) != 0;
    }

    /**
     * The words the detector asks for whose one piece starts with {@code "x-"}: those of {@link
     * #LINE_WORDS}, and one that may stand anywhere.
     */
    private static final String[] X_WORDS = Arrays.copyOf(LINE_WORDS, LINE_WORDS.length + 1);
    /** The piece of each of {@link #X_WORDS}, in the same order. */
    static final String[] X_PIECES = new String[X_WORDS.length];

    static {
      X_WORDS[LINE_WORDS.length] = "x-ms-exchange-crosstenant";
      for (int k = 0; k < X_WORDS.length; k++) {
        String[] p = pieces(X_WORDS[k]);
        if (p.length != 1 || !p[0].startsWith("x-")) {
          throw new AssertionError(X_WORDS[k]);
        }
        X_PIECES[k] = p[0];
      }
    }

    /** Bit k set when {@link #X_PIECES}[k] is in {@link #raw}; -1 until looked for. */
    private int xPieces = -1;

    /** The index of {@code w} in {@link #X_WORDS}, or -1. */
    private static int xPiece(String w) {
      for (int k = 0; k < X_WORDS.length; k++) {
        if (X_WORDS[k].equals(w)) { // the callers pass these literals: mostly the same string
          return k;
        }
      }
      return -1;
    }

    /** Which of {@link #X_PIECES} {@code s} holds, as bits: each starts at an {@code "x-"} of it. */
    static int xPieces(String s) {
      int found = 0;
      for (int at = s.indexOf("x-"); at >= 0 && at + 2 < s.length(); at = s.indexOf("x-", at + 2)) {
        // most occurrences differ from every piece at the char after the "x-": that one is compared first
        char c = s.charAt(at + 2);
        for (int k = 0; k < X_PIECES.length; k++) {
          if ((found & 1 << k) == 0 && X_PIECES[k].charAt(2) == c && s.startsWith(X_PIECES[k], at)) {
            found |= 1 << k;
          }
        }
      }
      return found;
    }

    /**
     * Whether each of the pieces of {@code w} is in {@code raw}: a word in the lines has each of its
     * pieces in the section as written ({@link #rawLower}), so a word with a piece missing is not.
     */
    private static boolean piecesIn(String raw, String w) {
      String[] pieces = PIECES_OF.get(w);
      if (pieces == null) {
        pieces = pieces(w);
        String[] had = PIECES_OF.putIfAbsent(w, pieces);
        if (had != null) {
          pieces = had;
        }
      }
      for (String p : pieces) {
        if (!raw.contains(p)) {
          return false;
        }
      }
      return true;
    }

    /**
     * The pieces of {@code w}: its longest runs of chars other than a colon and the chars up to
     * U+0020. Only those chars stand between a name and its value, and between a value and the next
     * name, in the lines but not in the bytes they were made from.
     */
    static String[] pieces(String w) {
      List<String> out = new ArrayList<>();
      int start = -1;
      for (int i = 0; i <= w.length(); i++) {
        boolean cut = i == w.length() || w.charAt(i) <= ' ' || w.charAt(i) == ':';
        if (cut && start >= 0) {
          out.add(w.substring(start, i));
          start = -1;
        } else if (!cut && start < 0) {
          start = i;
        }
      }
      return out.toArray(new String[0]);
    }

    /** The pieces of the words asked for, made once each. */
    private static final Map<String, String[]> PIECES_OF = new ConcurrentHashMap<>();

    /** The index of {@code w} in {@link #LINE_WORDS}, or -1. */
    private static int lineWord(String w) {
      if (w.length() > 3 && w.charAt(0) == '\n' && w.charAt(1) == 'x' && w.charAt(2) == '-') {
        for (int k = 0; k < LINE_WORDS.length; k++) {
          if (LINE_WORDS[k].equals(w)) {
            return k;
          }
        }
      }
      return -1;
    }

    /**
     * Which of {@link #LINE_WORDS} {@code s} holds, as bits: each starts with an LF, an {@code x} and
     * a hyphen, which only themselves and a capital X stand for, so only where {@code "\nx-"} or
     * {@code "\nX-"} occurs can one be.
     */
    private static int lineWords(String s) {
      int found = 0;
      for (String start : LINE_STARTS) {
        for (int at = s.indexOf(start); at >= 0 && at + 3 < s.length(); at = s.indexOf(start, at + 3)) {
          // most lines differ from a word at its first char after the "x-": that one is compared first
          char c = s.charAt(at + 3);
          for (int k = 0; k < LINE_WORDS.length; k++) {
            String w = LINE_WORDS[k];
            if ((found & 1 << k) == 0 && stands(c, w.charAt(3), w.length() == 4) && startsWith(s, at, w)) {
              found |= 1 << k;
            }
          }
        }
      }
      return found;
    }

    /**
     * The lines {@code "\nname: value\n..."} as written, or "" when they are longer than {@link
     * #MAX_AS_WRITTEN} (such lines are searched lower-cased).
     */
    static String asWritten(Headers headers) {
      byte[] ascii = asciiLines(headers);
      if (ascii == null) {
        return asWrittenFromValues(headers);
      }
      return ascii.length > MAX_AS_WRITTEN ? "" : new String(ascii, StandardCharsets.ISO_8859_1);
    }

    /** ASCII {@code bytes} lower-cased (A-Z only), as text; the bytes are changed. */
    private static String lowerAscii(byte[] bytes) {
      CharPairs.lowerLatin1(bytes);
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** {@link #asWritten} from the fields' names and decoded values. */
    static String asWrittenFromValues(Headers headers) {
      List<Headers.Field> fields = headers.fields();
      long n = 1;
      for (int i = 0; i < fields.size(); i++) {
        Headers.Field fl = fields.get(i);
        n += fl.name().length() + fl.value().length() + 3;
      }
      if (n > MAX_AS_WRITTEN) {
        return "";
      }
      StringBuilder sb = new StringBuilder((int) n);
      sb.append('\n');
      for (int i = 0; i < fields.size(); i++) {
        Headers.Field fl = fields.get(i);
        sb.append(fl.name()).append(": ").append(fl.value()).append('\n');
      }
      return sb.toString();
    }

    /**
     * The bytes of {@link #asWritten}, made from the message bytes the fields were read from, when
     * every value is ASCII there (most header sections): the values are then the bytes themselves,
     * copied without being decoded into strings of their own. Null when a field was not read from
     * bytes, or a value or name is not ASCII.
     */
    static byte @Nullable [] asciiLines(Headers headers) {
      List<Headers.Field> fields = headers.fields();
      long room = 1;
      for (int i = 0; i < fields.size(); i++) {
        Headers.Field fl = fields.get(i);
        if (fl.rawLength() == 0 && !fl.value().isEmpty()) {
          return null; // not read from bytes
        }
        room += fl.name().length() + fl.rawLength() + 3;
      }
      if (room > MAX_AS_WRITTEN * 4L) {
        return null; // decoded, the values may be shorter than their bytes: the general path decides
      }
      byte[] out = new byte[(int) room];
      int o = 0;
      out[o++] = '\n';
      for (int i = 0; i < fields.size(); i++) {
        Headers.Field fl = fields.get(i);
        String name = fl.name();
        for (int k = 0; k < name.length(); k++) {
          char c = name.charAt(k);
          if (c >= 128) {
            return null;
          }
          out[o++] = (byte) c;
        }
        out[o++] = ':';
        out[o++] = ' ';
        if (fl.rawLength() > 0) {
          o = fl.putAsciiValue(out, o);
          if (o < 0) {
            return null;
          }
        }
        out[o++] = '\n';
      }
      return Arrays.copyOf(out, o);
    }

    /**
     * Where a word is searched from: the pair of chars at {@link #at} (or the one char, when the next
     * could be stood for by a non-ASCII char), in each case they stand for.
     */
    private static final class Anchor {
      /** The anchor's index in the word, or -1 when the word has no {@link #ANCHORS} char. */
      final int at;
      /** The anchor in each case its letters may be written in. */
      final String[] spellings;

      Anchor(String w) {
        // the rarest anchor char that a pair can start, else the rarest one alone
        int a = -1;
        int single = -1;
        for (int k = 0; k < ANCHORS.length() && a < 0; k++) {
          int i = w.indexOf(ANCHORS.charAt(k));
          if (i >= 0 && pairs(w, i)) {
            a = i;
          } else if (i >= 0 && single < 0) {
            single = i;
          }
        }
        boolean pair = a >= 0;
        if (!pair) {
          a = single;
        }
        at = a;
        if (a < 0) {
          spellings = new String[0];
          return;
        }
        List<String> out = new ArrayList<>();
        for (String first : cases(w.charAt(a))) {
          if (!pair) {
            out.add(first);
            continue;
          }
          for (String second : cases(w.charAt(a + 1))) {
            out.add(first + second);
          }
        }
        spellings = out.toArray(new String[0]);
      }

      /**
       * Whether the char after {@code w[a]} joins it in the anchor: there is one, and no char but
       * itself and its capital stands for it (a Kelvin sign stands for any k, a dotted capital I for
       * an i that ends the word).
       */
      private static boolean pairs(String w, int a) {
        int b = a + 1;
        return b < w.length() && w.charAt(b) != 'k' && !(w.charAt(b) == 'i' && b == w.length() - 1);
      }

      /** A lower-case char and, for a letter, its capital. */
      private static List<String> cases(char c) {
        return c >= 'a' && c <= 'z' ? List.of(String.valueOf(c), String.valueOf((char) (c - 32)))
            : List.of(String.valueOf(c));
      }
    }

    /** The anchors of the words asked for, made once each. */
    private static final Map<String, Anchor> ANCHOR_OF = new ConcurrentHashMap<>();

    /** Whether {@code s} has chars standing for {@code w}'s: tried where the word's anchor occurs. */
    private static boolean standsIn(String s, String w) {
      Anchor anchor = ANCHOR_OF.get(w);
      if (anchor == null) {
        anchor = new Anchor(w);
        Anchor had = ANCHOR_OF.putIfAbsent(w, anchor);
        if (had != null) {
          anchor = had;
        }
      }
      int a = anchor.at;
      if (a < 0) {
        for (int i = 0; i + w.length() <= s.length(); i++) {
          if (startsWith(s, i, w)) {
            return true;
          }
        }
        return false;
      }
      // any candidate will do: each spelling's places are tried in turn, no order kept among them
      for (String spelling : anchor.spellings) {
        for (int at = s.indexOf(spelling, a); at >= 0; at = s.indexOf(spelling, at + 1)) {
          if (startsWith(s, at - a, w)) {
            return true;
          }
        }
      }
      return false;
    }

    /** Whether the chars of {@code s} from {@code at} stand for {@code w}'s. */
    private static boolean startsWith(String s, int at, String w) {
      int n = w.length();
      if (s.length() - at < n) {
        return false;
      }
      for (int j = 0; j < n; j++) {
        if (!stands(s.charAt(at + j), w.charAt(j), j == n - 1)) {
          return false;
        }
      }
      return true;
    }

    /** Whether char {@code c} lower-cased stands for {@code p} of a lower-case ASCII word ({@code last}: ending it). */
    private static boolean stands(char c, char p, boolean last) {
      if (c < 128) {
        return Keywords.lower(c) == p;
      }
      return c == '\u212a' ? p == 'k' : c == '\u0130' && last && p == 'i';
    }

    /**
     * The header fields as one lower-cased string, a line each ({@code "\nname: value\n..."}); the
     * text this class answers for, and what it reads itself when the section is long.
     */
    static String lowerHeaderLines(Headers headers) {
      int length = blobLength(headers);
      String ascii = asciiLowerHeaderLines(headers, length);
      if (ascii != null) {
        return ascii;
      }
      StringBuilder sb = new StringBuilder(length);
      sb.append('\n');
      for (Headers.Field fl : headers.fields()) {
        sb.append(fl.name()).append(": ").append(fl.value()).append('\n');
        if (sb.length() > 200_000) {
          break;
        }
      }
      String raw = sb.toString();
      if (raw.indexOf('\u03a3') < 0 && raw.indexOf('\u0130') < 0) {
        // lower-casing is then char by char, so the whole equals its fields lower-cased one by one
        return LowerCase.root(raw);
      }
      // a capital sigma lower-cases by its context, and a dotted capital I grows the text: field by field
      sb.setLength(0);
      sb.append('\n');
      for (Headers.Field fl : headers.fields()) {
        sb.append(LowerCase.root(fl.name())).append(": ").append(LowerCase.root(fl.value()))
            .append('\n');
        if (sb.length() > 200_000) {
          break;
        }
      }
      return sb.toString();
    }

    /** The length of the header lines up to and with the line that passes the blob's limit. */
    private static int blobLength(Headers headers) {
      long n = 1;
      for (Headers.Field fl : headers.fields()) {
        n += fl.name().length() + fl.value().length() + 3;
        if (n > 200_000) {
          break;
        }
      }
      return (int) n;
    }

    /**
     * The header lines lower-cased in one pass when they are all ASCII, where lower-casing with
     * {@link Locale#ROOT} changes A-Z only; null when a field holds another char.
     */
    private static String asciiLowerHeaderLines(Headers headers, int length) {
      char[] out = new char[length];
      int o = 0;
      out[o++] = '\n';
      for (Headers.Field fl : headers.fields()) {
        o = putAsciiLower(out, o, fl.name());
        if (o < 0) {
          return null;
        }
        out[o++] = ':';
        out[o++] = ' ';
        o = putAsciiLower(out, o, fl.value());
        if (o < 0) {
          return null;
        }
        out[o++] = '\n';
        if (o > 200_000) {
          break;
        }
      }
      return new String(out, 0, o);
    }

    /** Copies {@code s} lower-cased into {@code out} at {@code o}; the next index, or -1 at a non-ASCII char. */
    private static int putAsciiLower(char[] out, int o, String s) {
      int end = o + s.length();
      s.getChars(0, s.length(), out, o); // a bulk copy, then lower-cased in place
      for (int i = o; i < end; i++) {
        char c = out[i];
        if (c >= 128) {
          return -1;
        }
        if (c >= 'A' && c <= 'Z') {
          out[i] = (char) (c + 32);
        }
      }
      return end;
    }
  }

  /**
   * {@code s.toLowerCase(Locale.ROOT).contains(w)} for a lower-case ASCII word {@code w}, without the
   * lower-cased copy: chars of {@code s} standing for the word's, as {@link HeaderLines} reads them.
   */
  static boolean lowerContains(String s, String w) {
    return HeaderLines.standsIn(s, w);
  }

  /** {@code s.toLowerCase(Locale.ROOT).startsWith(w)} for a lower-case ASCII word {@code w}, without the copy. */
  static boolean lowerStartsWith(String s, String w) {
    return HeaderLines.startsWith(s, 0, w);
  }

  /**
   * Exchange's internal codes ({@code RESOLVER.ADR.RecipNotFound}, {@code #550 5.1.1 RESOLVER...}),
   * case-sensitive. Such a code may follow a numbered reply ending in a space, so wherever one
   * occurs a word boundary precedes it: the codes are found with indexOf and this pattern checks
   * the boundary there.
   */
  private static final Pattern EXCHANGE_CODE_AT = Pattern.compile(
      WordBoundary.BEFORE + "(?:RESOLVER\\.(?:ADR|RST)\\.|STOREDRV\\.|SMTPSEND\\.|ROUTING\\.|QUEUE\\.Expired|MSEXCH:)");
  /** The words every {@link #EXCHANGE_CODE_AT} match starts with. */
  private static final String[] EXCHANGE_CODE_WORDS = {
      "RESOLVER.", "STOREDRV.", "SMTPSEND.", "ROUTING.", "QUEUE.Expired", "MSEXCH:"};
  /** {@link #EXCHANGE_CODE_WORDS} lower-cased, in the same order. */
  private static final String[] EXCHANGE_CODE_LOWER = asciiLower(EXCHANGE_CODE_WORDS);

  /** Each of {@code words} (ASCII) lower-cased. */
  private static String[] asciiLower(String[] words) {
    String[] out = new String[words.length];
    for (int k = 0; k < words.length; k++) {
      out[k] = words[k].toLowerCase(Locale.ROOT);
    }
    return out;
  }

  /**
   * The fixed strings of {@link Spec#MS_CLOUD}, lower-case, but for {@code .prod.outlook.com} and {@code
   * .protection.outlook.com}: a text holding either holds {@code .outlook.com}, so one of these is in
   * a text exactly when one of the pattern's is.
   */
  private static final String[] MS_CLOUD_LOWER = {
      ".outlook.com", "onmicrosoft.com", "exchange online", "office 365", "microsoft 365", "@outlook.com",
      "@hotmail.", "@live.", "@msn.com", "hotmail.com"};

  /**
   * {@code MS_CLOUD.matcher(lower).find()} for text already lower-cased with {@link Locale#ROOT}: such
   * text holds no ASCII capitals, so the pattern's ASCII-only case-insensitive match is a plain
   * substring test, of all the words in one pass.
   */
  static boolean msCloudLower(String lower) {
    return MS_CLOUD_LOWER_WORDS.in(lower);
  }

  /** {@link #MS_CLOUD_LOWER} as one search (it folds ASCII case, which a lower-cased text no longer has). */
  private static final Keywords MS_CLOUD_LOWER_WORDS = new Keywords(MS_CLOUD_LOWER);

  /** Whether {@code t} holds one of Exchange's internal codes at a word boundary. */
  static boolean exchangeCode(String t) {
    return exchangeCode(t, CharPairs.lowerCased(t));
  }

  /**
   * {@link #exchangeCode(String)}; {@code tl} holds the pairs of {@code t} lower-cased, where each code
   * word shows lower-cased: a word is searched in {@code t} only when its pairs are there. Every match
   * starts where a word does, so the pattern is tried (for its boundary and the rest) only where one
   * of the words occurs, and no matcher is made for a text without them.
   */
  private static boolean exchangeCode(String t, CharPairs tl) {
    Matcher m = null;
    for (int k = 0; k < EXCHANGE_CODE_WORDS.length; k++) {
      if (!tl.mayContain(EXCHANGE_CODE_LOWER[k])) {
        continue;
      }
      String w = EXCHANGE_CODE_WORDS[k];
      for (int at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + 1)) {
        m = Keywords.from(m, EXCHANGE_CODE_AT, t, at);
        if (m.lookingAt()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code MS_CLOUD.matcher(t).find()}; {@code tl} is {@code t} lower-cased, where every match shows
   * as one of the fixed strings: the pattern runs only when one is there.
   */
  static boolean msCloudText(String t, String tl) {
    return msCloudText(t, new CharPairs(tl));
  }

  /** {@link #msCloudText(String, String)} with the lower-cased text's pairs. */
  private static boolean msCloudText(String t, CharPairs tl) {
    return tl.containsAny(MS_CLOUD_LOWER) && MS_CLOUD_WORDS.in(t);
  }

  /**
   * The alternatives of {@link Spec#MS_CLOUD}, lower-case: all fixed strings, which the pattern finds
   * with ASCII case folded, as these are found ({@code MS_CLOUD.matcher(t).find()} exactly when one
   * is in {@code t}), in one pass rather than a match tried at every index.
   */
  private static final Keywords MS_CLOUD_WORDS = new Keywords(".prod.outlook.com", ".protection.outlook.com",
      "onmicrosoft.com", "exchange online", "office 365", "microsoft 365", "@outlook.com", "@hotmail.", "@live.",
      "@msn.com", ".outlook.com", "hotmail.com");

  /**
   * {@code prefix.toLowerCase(Locale.ROOT)} for a prefix of {@code text}: the same prefix of
   * {@code lower} when lower-casing went char by char there (no length change anywhere, no capital
   * sigma, whose case depends on what follows, and no surrogate pair cut at the end); with its pairs.
   */
  private static CharPairs lowerPrefix(String text, CharPairs lower, String prefix) {
    int n = prefix.length();
    String l = lower.text();
    if (l.length() == text.length() && prefix.indexOf('\u03a3') < 0 && !Character.isHighSurrogate(prefix.charAt(n - 1))) {
      return lower.prefix(l.substring(0, n)); // a prefix of the lower-cased text: its pairs are among the text's
    }
    return new CharPairs(LowerCase.root(prefix));
  }

  static String family(Signals s) {
    String from = LowerCase.root(s.from);
    // a list's or gateway's tags before the subject ([EXTERNAL], ***SPAM***) do not hide its start
    String subject = LowerCase.root(s.subject.substring(Engine.afterTags(s.subject)));
    HeaderLines h = s.headers;
    String t = s.text.length() > 20000 ? s.text.substring(0, 20000) : s.text;
    String rmta = LowerCase.root(s.reportingMta);
    // the text's pairs of chars, read once per message, rule out most of the many words below without a search
    CharPairs tp = t == s.text ? s.textPairs : lowerPrefix(s.text, s.textPairs, t);

    // a message received through Amazon SES or Mailgun carries their fields too (SES's X-SES-Receipt,
    // Mailgun's X-Mailgun-Incoming): there the fields do not name who wrote the bounce
    if (from.contains("amazonses.com") || from.contains("amazonaws.com") || rmta.contains("amazonses.com")
        || tp.contains("\"notificationtype\"")) {
      return tp.contains("sorry, we were unable to deliver your message") ? YAHOO : AMAZONSES;
    }
    // SES's fields alone (X-SES-Outgoing) say that SES carried the bounce, not who wrote it: a
    // system's own wording, below, names the writer first (SES writes its own notices from an
    // amazonses.com address)
    boolean sesFields = h.contains("\nx-ses-") && !h.has("X-SES-Receipt");
    if (tp.contains("generated message from sendgrid") || h.contains("\nx-sendgrid-") || from.contains("sendgrid")) {
      return SENDGRID;
    }
    if (h.contains("\nx-mailgun-") && !h.has("X-Mailgun-Incoming") || from.contains("mailgun")
        || rmta.contains("mailgun")) {
      return MAILGUN;
    }
    if (from.contains("googlemail.com") || from.contains("@google.com") || rmta.equals("googlemail.com")
        || containsEither(tp, "google ", "tried to deliver your message", "groups")
        || containsEither(tp, "** ", "address not found **", "message not delivered **")
        || containsEither(tp, "delivery to the following recipient ", "failed permanently", "has been delayed")) {
      return GMAIL;
    }
    boolean exchangeText = tp.contains("delivery has failed to these recipients or groups")
        || tp.contains("diagnostic information for administrators") || tp.contains("did not reach the following recipient")
        || tp.contains("msexch:") || tp.contains("remote server returned '")
        || tp.contains("rejected your message to the following email address")
        || tp.contains("your message couldn't be delivered") || tp.contains("generating server:")
        || exchangeCode(t, tp);
    // "\nx-ms-exchange-message-is-ndr" holds "\nx-ms-exchange-": one search finds both; the words
    // that start a line are looked up first, the one that may be anywhere last
    boolean exchangeHeaders = h.contains("\nx-ms-exchange-") || h.contains("\nx-ms-embedded-report")
        || h.contains("internet mail service");
    boolean cloud = msCloudLower(from) || msCloudLower(rmta)
        || (exchangeText || exchangeHeaders) && (msCloudText(t, tp) || h.contains("x-ms-exchange-crosstenant")
            || h.contains("prod.outlook.com") || h.contains("protection.outlook.com"));
    if (cloud && (exchangeText || exchangeHeaders || s.hasDsn || from.contains("postmaster@"))) {
      return MICROSOFT365;
    }
    if (exchangeText || exchangeHeaders) {
      return EXCHANGE;
    }
    if (from.contains("@yahoo.") || from.contains("@aol.com") || from.contains("yahoo-inc")
        || tp.contains("sorry, we were unable to deliver your message to the following address")) {
      return YAHOO;
    }
    if (containsEither(tp, "this is the ", "mail system at host", "postfix program")
        || h.contains("\nx-postfix") || containsEither(tp, "x-postfix", "-queue-id", ";")
        || (subject.startsWith("undelivered mail returned to sender") && from.contains("(mail delivery system)"))
        || subject.startsWith("postfix smtp server")) {
      return POSTFIX;
    }
    if (tp.contains("this message was created automatically by mail delivery software")
        || h.contains("-eximdsn-") || tp.contains("the following address(es) failed")
        || (subject.startsWith("mail delivery failed") && h.contains("\nx-failed-recipients:"))) {
      return EXIM;
    }
    // "this is the qmail-send program" holds "qmail-send": one search finds both
    if (tp.contains("qmail-send") || tp.contains("vdelivermail")
        || subject.contains("failure notice") && tp.contains("--- below this line is a copy of the message")) {
      return QMAIL;
    }
    if (tp.contains("courier mail server") || subject.startsWith("notice: mail delivery status")) {
      return COURIER;
    }
    if (containsEither(tp, "----- ", "the following addresses had permanent fatal errors -----",
            "transcript of session follows -----") || subject.startsWith("returned mail:")
        || h.contains("auto-submitted: auto-generated (failure)") || subject.startsWith("warning: could not send message")) {
      return SENDMAIL;
    }
    return sesFields ? AMAZONSES : s.hasDsn ? RFC3464 : UNKNOWN;
  }

  /** The provider that wrote the report, from its family and sender. */
  static Provider reporter(String family, String from, String reportingMta) {
    switch (family) {
      case MICROSOFT365: return Provider.MICROSOFT;
      case GMAIL: return Provider.GOOGLE;
      case YAHOO: return Provider.YAHOO;
      case AMAZONSES: return Provider.AMAZON_SES;
      case SENDGRID: return Provider.SENDGRID;
      case MAILGUN: return Provider.MAILGUN;
      default:
        break;
    }
    // the words hold no space: they are in the sender and host joined and lower-cased exactly where
    // one of the two holds them lower-cased, which is where it holds them with ASCII case folded
    if (APPLE_SENDER_WORDS.in(from) || APPLE_SENDER_WORDS.in(reportingMta)) {
      return Provider.APPLE;
    }
    return Provider.OTHER;
  }

  /**
   * The words that name Apple as the reporter. Lower-casing maps only ASCII capitals, the Kelvin sign
   * (to k) and the dotted capital I (to an i and a combining dot) to ASCII letters; the words hold no
   * k, and each i in them has a letter after it, never a combining dot: so a lower-cased text holds
   * one of them exactly where the text holds it with ASCII case folded.
   */
  private static final Keywords APPLE_SENDER_WORDS = new Keywords("icloud.com", "@me.com", "mac.com");

  static final Pattern GOOGLE = Pattern.compile(
      "(?i)(gsmtp" + WordBoundary.AFTER + "|\\.google\\.com" + WordBoundary.AFTER + "|googlemail\\.com|support\\.google\\.com|gmail-smtp-in)");
  static final Pattern MICROSOFT = Pattern.compile(
      "(?i)(\\.outlook\\.com" + WordBoundary.AFTER + "|hotmail\\.com|\\.live\\.com|go\\.microsoft\\.com|aka\\.ms/|"
          + "protection\\.outlook|onmicrosoft\\.com|messaging\\.microsoft\\.com)");
  static final Pattern YAHOO_P = Pattern.compile(
      "(?i)(yahoodns\\.net|yahoo\\.com|yahooinc\\.com|yahoo\\.co\\.|aol\\.com|\\[TS\\d\\d\\]|\\[TSS\\d\\d\\])");
  static final Pattern APPLE = Pattern.compile("(?i)(icloud\\.com|\\.me\\.com|apple\\.com)");

  /**
   * Lower-case words one of which each match of {@link #GOOGLE} contains ("google" is in three of its
   * alternatives: one search for them).
   */
  private static final String[] GOOGLE_WORDS = {"gsmtp", "google", "gmail-smtp-in"};
  /**
   * Lower-case words one of which each match of {@link #MICROSOFT} contains, the fewest that cover its
   * alternatives ("outlook" two of them, "microsoft.com" three).
   */
  private static final String[] MICROSOFT_WORDS = {"outlook", "microsoft.com", "hotmail.com", ".live.com", "aka.ms/"};
  /** Lower-case words one of which each match of {@link #YAHOO_P} contains. */
  private static final String[] YAHOO_WORDS = {"yahoo", "aol.com", "[ts"};
  /** Lower-case words one of which each match of {@link #APPLE} contains. */
  private static final String[] APPLE_WORDS = {"icloud.com", ".me.com", "apple.com"};
  /**
   * The words of {@link #GOOGLE_WORDS}, {@link #MICROSOFT_WORDS}, {@link #YAHOO_WORDS} and {@link
   * #APPLE_WORDS} together: a text that holds none of them with its ASCII capitals lower-cased names
   * no provider ({@link #forRecipient}).
   */
  private static final Keywords PROVIDER_WORDS = new Keywords(joined(GOOGLE_WORDS, MICROSOFT_WORDS, YAHOO_WORDS,
      APPLE_WORDS));

  /** The arrays' words, one after the other. */
  private static String[] joined(String[]... arrays) {
    List<String> out = new ArrayList<>();
    for (String[] a : arrays) {
      out.addAll(Arrays.asList(a));
    }
    return out.toArray(new String[0]);
  }

  /**
   * The fixed starts of {@link #GOOGLE}'s alternatives, lower-case: every match starts with one, and
   * the pattern is tried only where one does (a find tries it at every index).
   */
  private static final Keywords GOOGLE_STARTS =
      new Keywords("gsmtp", ".google.com", "googlemail.com", "support.google.com", "gmail-smtp-in");
  /** The fixed starts of {@link #MICROSOFT}'s alternatives, lower-case. */
  private static final Keywords MICROSOFT_STARTS = new Keywords(".outlook.com", "hotmail.com", ".live.com",
      "go.microsoft.com", "aka.ms/", "protection.outlook", "onmicrosoft.com", "messaging.microsoft.com");
  /** The fixed starts of {@link #YAHOO_P}'s alternatives, lower-case. */
  private static final Keywords YAHOO_STARTS =
      new Keywords("yahoodns.net", "yahoo.com", "yahooinc.com", "yahoo.co.", "aol.com", "[ts");
  /** The fixed starts of {@link #APPLE}'s alternatives, lower-case. */
  private static final Keywords APPLE_STARTS = new Keywords("icloud.com", ".me.com", "apple.com");

  /**
   * The provider whose code meanings apply to one recipient: the remote system that rejected it
   * when its host or reply names one, else the provider that wrote the report.
   */
  static Provider forRecipient(Provider reporter, String remoteMta, String diagnostic) {
    String d = diagnostic.length() > 2000 ? diagnostic.substring(0, 2000) : diagnostic;
    // the patterns fold ASCII case only, so a match shows in the text with its ASCII capitals
    // lower-cased as one of its words: a pattern is tried only when one is there. The patterns ran on
    // the host and the reply joined by a space; no match holds a space, so each lies in the host or
    // in the reply, and a \b at its end sees the space as it sees the text's end: each is searched
    // on its own, and only where an alternative's start is
    if (!PROVIDER_WORDS.in(remoteMta) && !PROVIDER_WORDS.in(d)) {
      return reporter; // no provider's word in either, ASCII case ignored: one pass each, no copies
    }
    String mtaLower = asciiFolded(remoteMta);
    String dLower = asciiFolded(d);
    if (containsAny(mtaLower, dLower, GOOGLE_WORDS) && finds(GOOGLE_STARTS, GOOGLE, remoteMta, d)) {
      return Provider.GOOGLE;
    }
    if (containsAny(mtaLower, dLower, MICROSOFT_WORDS) && finds(MICROSOFT_STARTS, MICROSOFT, remoteMta, d)) {
      return Provider.MICROSOFT;
    }
    if (containsAny(mtaLower, dLower, YAHOO_WORDS) && finds(YAHOO_STARTS, YAHOO_P, remoteMta, d)) {
      return Provider.YAHOO;
    }
    if (containsAny(mtaLower, APPLE_WORDS) && APPLE_STARTS.match(APPLE, remoteMta) != null) {
      return Provider.APPLE;
    }
    return reporter;
  }

  /** Whether {@code p}, whose matches each start with one of {@code starts}, finds a match in {@code a} or {@code b}. */
  private static boolean finds(Keywords starts, Pattern p, String a, String b) {
    return starts.match(p, a) != null || starts.match(p, b) != null;
  }

  /**
   * {@code s} with A-Z lower-cased, as a text of Latin-1 chars where any other char is a '?' (a
   * surrogate pair one '?'): the ASCII chars, all that the words hold but '?', stand where they stood
   * among each other, so a word is in it exactly when it is in {@code s} with its capitals lower-cased.
   */
  static String asciiFolded(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1); // a copy of a Latin-1 text's bytes
    for (int i = 0; i < b.length; i++) {
      b[i] = ASCII_FOLD[b[i] & 0xff]; // a look-up, not a branch on each char's case
    }
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  /** Each Latin-1 char with A-Z lower-cased, as a byte. */
  private static final byte[] ASCII_FOLD = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      ASCII_FOLD[c] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }

  /** Whether {@code a} or {@code b} contains one of {@code words}. */
  private static boolean containsAny(String a, String b, String[] words) {
    return containsAny(a, words) || containsAny(b, words);
  }

  /**
   * {@code s.contains(prefix + a) || s.contains(prefix + b)}: one search for the shared prefix, each
   * place it occurs then checked for either ending.
   */
  private static boolean containsEither(String s, String prefix, String a, String b) {
    int p = prefix.length();
    for (int i = s.indexOf(prefix); i >= 0; i = s.indexOf(prefix, i + 1)) {
      if (s.startsWith(a, i + p) || s.startsWith(b, i + p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #containsEither(String, String, String, String)} on a text with its pairs: searched only
   * when the prefix and one of the endings may be there.
   */
  private static boolean containsEither(CharPairs s, String prefix, String a, String b) {
    return s.mayContain(prefix) && (s.mayContain(a) || s.mayContain(b)) && containsEither(s.text(), prefix, a, b);
  }

  /** Whether {@code s} contains one of {@code words}. */
  static boolean containsAny(String s, String[] words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The regular expressions that specify what this class's hand-written matchers match (the tests
   * check most matchers against their expression). Held in a class of their own so that no
   * analysis compiles them (a run of the CLI would, at every start).
   */
  static final class Spec {

    private Spec() {}

    static final Pattern MS_CLOUD = Pattern.compile(
        "(?i)(\\.prod\\.outlook\\.com|\\.protection\\.outlook\\.com|onmicrosoft\\.com|exchange online|office 365|"
            + "microsoft 365|@outlook\\.com|@hotmail\\.|@live\\.|@msn\\.com|\\.outlook\\.com|hotmail\\.com)");
  }
}
