package io.maildiag.headers.received;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.internal.Excerpt;
import io.maildiag.core.internal.LowerCase;
import io.maildiag.core.internal.UpperCase;
import io.maildiag.core.ip.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written tokenizer and clause reader behind {@link ReceivedHeader#parse(String)}. One
 * pass to tokenize (comments, nested, quoted strings, domain literals, angle addresses, atoms,
 * semicolons), one pass over the tokens; comment texts are split into words once. No regular
 * expressions.
 */
final class ReceivedParser {

  private static final int MAX_DIAGNOSTICS = 16;
  private static final int MAX_DATE_TRIES = 8;
  private static final Set<String> KEYWORDS = Set.of("from", "by", "via", "with", "id", "for");
  private static final Set<String> TLS_PROTOCOLS = Set.of(
      "ESMTPS", "ESMTPSA", "LMTPS", "LMTPSA", "UTF8SMTPS", "UTF8SMTPSA", "UTF8LMTPS", "UTF8LMTPSA", "SMTPS",
      "HTTPS", "SMTPSA");
  private static final Set<String> AUTH_PROTOCOLS = Set.of(
      "ESMTPA", "ESMTPSA", "LMTPA", "LMTPSA", "UTF8SMTPA", "UTF8SMTPSA", "UTF8LMTPA", "UTF8LMTPSA", "SMTPSA");

  private enum Type { ATOM, COMMENT, QUOTED, LITERAL, ANGLE, SEMI }

  private record Tok(Type type, int start, int end, String text) {}

  /** One clause: a keyword, its value, and the comments and extra atoms that follow it. */
  private static final class Clause {
    final String keyword;
    @Nullable Tok value;
    final List<Tok> comments = new ArrayList<>();
    final List<Tok> extras = new ArrayList<>();

    Clause(String keyword) {
      this.keyword = keyword;
    }
  }

  private final String value;
  private final List<Diagnostic> diags = new ArrayList<>();
  private final List<Tok> tokens = new ArrayList<>();
  private final List<String> comments = new ArrayList<>();

  private @Nullable Clause fromC;
  private @Nullable Clause byC;
  private @Nullable Clause viaC;
  private @Nullable Clause withC;
  private @Nullable Clause idC;
  private @Nullable Clause forC;
  private final List<Tok> preamble = new ArrayList<>();

  private @Nullable String helo;
  private @Nullable String rdns;
  private @Nullable IpAddress ip;
  private @Nullable IpAddress byIp;
  private boolean tls;
  private boolean auth;
  private @Nullable String tlsVersion;
  private @Nullable String tlsCipher;
  private @Nullable String envelopeFrom;
  private @Nullable String software;

  ReceivedParser(String value) {
    this.value = value;
  }

  private void diag(Diagnostic d, int offset, int length) {
    if (diags.size() < MAX_DIAGNOSTICS) {
      diags.add(d.at(SourceSpan.of(value, offset, length)));
    }
  }

  ReceivedHeader parse() {
    tokenize();
    int semi = -1;
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (tokens.get(i).type == Type.SEMI) {
        semi = i;
        break;
      }
    }
    List<Tok> clauseToks = new ArrayList<>();
    List<Tok> dateToks = new ArrayList<>();
    if (semi >= 0) {
      clauseToks.addAll(tokens.subList(0, semi));
      List<Tok> tail = tokens.subList(semi + 1, tokens.size());
      int cut = tail.size();
      for (int i = 0; i < tail.size(); i++) {
        Tok t = tail.get(i);
        if (i > 0 && t.type == Type.ATOM && KEYWORDS.contains(LowerCase.root(t.text))) {
          cut = i;
          break;
        }
      }
      dateToks.addAll(tail.subList(0, cut));
      clauseToks.addAll(tail.subList(cut, tail.size()));
    } else {
      int dateAt = findDateWithoutSemicolon();
      if (dateAt >= 0) {
        clauseToks.addAll(tokens.subList(0, dateAt));
        dateToks.addAll(tokens.subList(dateAt, tokens.size()));
        diag(Diagnostic.info(ReceivedCodes.HEADERS_RECEIVED_NO_SEMICOLON,
                "no semicolon before the date of the Received field")
            .withReference("RFC 5322 section 3.6.7"), tokens.get(dateAt).start, 0);
      } else {
        clauseToks.addAll(tokens);
      }
    }
    readClauses(clauseToks);
    Optional<MailDate> date = Optional.empty();
    // Comments after the date (PowerMTA's envelope-from) still carry information.
    for (Tok t : dateToks) {
      if (t.type == Type.COMMENT) {
        comments.add(t.text);
        analyzeCommon(t.text);
      }
    }
    if (!dateToks.isEmpty()) {
      int start = dateToks.get(0).start;
      int end = dateToks.get(dateToks.size() - 1).end;
      MailDate d = MailDates.parse(value.substring(start, end));
      date = Optional.of(d);
      for (Diagnostic dd : d.toDiagnostics()) {
        diag(dd, start, end - start);
      }
    } else {
      diag(Diagnostic.warning(ReceivedCodes.HEADERS_RECEIVED_NO_DATE, "the Received field has no date-time")
          .withReference("RFC 5322 section 3.6.7"), value.length(), 0);
    }
    boolean any = fromC != null || byC != null || viaC != null || withC != null || idC != null || forC != null;
    if (!any && date.map(d -> !d.isValid()).orElse(true) && comments.isEmpty()) {
      diags.add(0, Diagnostic.error(ReceivedCodes.HEADERS_UNPARSABLE_RECEIVED,
              "nothing in the Received field could be read")
          .withEvidence(Excerpt.of(value, 203))
          .withReference("RFC 5321 section 4.4")
          .at(SourceSpan.of(value, 0, value.length())));
    } else if (!any && !date.map(MailDate::isValid).orElse(false)) {
      diags.add(0, Diagnostic.error(ReceivedCodes.HEADERS_UNPARSABLE_RECEIVED,
              "the Received field has no from/by/with clause and no readable date")
          .withEvidence(Excerpt.of(value, 203))
          .withReference("RFC 5321 section 4.4")
          .at(SourceSpan.of(value, 0, value.length())));
    }
    analyze();
    String withText = withC == null ? null : withText(withC);
    String protocol = withText == null ? null : protocol(withText);
    String from = fromC == null || fromC.value == null ? null : fromC.value.text;
    String heloOut = helo != null ? helo : from;
    return new ReceivedHeader(
        value,
        Optional.ofNullable(from),
        Optional.ofNullable(heloOut),
        Optional.ofNullable(rdns),
        Optional.ofNullable(ip),
        Optional.ofNullable(byC == null || byC.value == null ? null : byC.value.text),
        Optional.ofNullable(byIp),
        Optional.ofNullable(viaC == null ? null : joinedText(viaC)),
        Optional.ofNullable(withText),
        Optional.ofNullable(protocol),
        tls,
        auth,
        Optional.ofNullable(tlsVersion),
        Optional.ofNullable(tlsCipher),
        Optional.ofNullable(idC == null || idC.value == null ? null : idC.value.text),
        Optional.ofNullable(forC == null || forC.value == null ? null : address(forC.value.text)),
        Optional.ofNullable(envelopeFrom),
        Optional.ofNullable(software),
        comments,
        date,
        diags);
  }

  // ---------------------------------------------------------------- tokenizer

  private void tokenize() {
    String s = value;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
      } else if (c == '(') {
        int start = i;
        int depth = 0;
        while (i < n) {
          char d = s.charAt(i);
          if (d == '\\' && i + 1 < n) {
            i += 2;
            continue;
          }
          if (d == '(') {
            depth++;
          } else if (d == ')') {
            depth--;
            if (depth == 0) {
              i++;
              break;
            }
          }
          i++;
        }
        boolean closed = depth == 0;
        if (!closed) {
          diag(Diagnostic.warning(ReceivedCodes.HEADERS_RECEIVED_UNBALANCED_COMMENT,
              "comment is not closed"), start, 1);
        }
        tokens.add(new Tok(Type.COMMENT, start, i, s.substring(start + 1, closed ? i - 1 : i).trim()));
      } else if (c == ')') {
        diag(Diagnostic.warning(ReceivedCodes.HEADERS_RECEIVED_UNBALANCED_COMMENT,
            "')' without '('; ignored"), i, 1);
        i++;
      } else if (c == ';') {
        tokens.add(new Tok(Type.SEMI, i, i + 1, ";"));
        i++;
      } else if (c == '"') {
        int start = i++;
        while (i < n && s.charAt(i) != '"') {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        i = Math.min(i + 1, n);
        tokens.add(new Tok(Type.QUOTED, start, i, s.substring(start, i)));
      } else if (c == '[' || c == '<') {
        char close = c == '[' ? ']' : '>';
        int start = i;
        int k = i + 1;
        // a literal or an angle address holds atom chars only: the search stops where an atom would,
        // so an unclosed one is read once (a stop at blanks alone read "[\n[\n[..." quadratically)
        while (k < n && s.charAt(k) != close && isAtomChar(s.charAt(k))) {
          k++;
        }
        if (k < n && s.charAt(k) == close) {
          i = k + 1;
          // A literal may carry a port: [192.0.2.1]:25
          while (i < n && isAtomChar(s.charAt(i))) {
            i++;
          }
          tokens.add(new Tok(c == '[' ? Type.LITERAL : Type.ANGLE, start, i, s.substring(start, i)));
        } else {
          i = atom(start);
        }
      } else {
        i = atom(i);
      }
    }
  }

  private static boolean isAtomChar(char c) {
    return c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '(' && c != ')' && c != ';';
  }

  private int atom(int start) {
    int i = start + 1;
    while (i < value.length() && isAtomChar(value.charAt(i))) {
      i++;
    }
    tokens.add(new Tok(Type.ATOM, start, i, value.substring(start, i)));
    return i;
  }

  /** Without a semicolon: the first token from which the rest reads as a date, or -1. */
  private int findDateWithoutSemicolon() {
    int tries = 0;
    for (int i = 0; i < tokens.size() && tries < MAX_DATE_TRIES; i++) {
      Tok t = tokens.get(i);
      if (t.type != Type.ATOM || !looksLikeDateStart(i)) {
        continue;
      }
      tries++;
      MailDate d = MailDates.parse(value.substring(t.start));
      if (d.isValid() && !d.has(DateDefect.TRAILING_TEXT)) {
        return i;
      }
    }
    return -1;
  }

  private boolean looksLikeDateStart(int i) {
    String t = tokens.get(i).text;
    if (t.endsWith(",")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.length() >= 10 && MailDates.isDigits(t, 0, 4) && t.charAt(4) == '-') {
      return true;
    }
    String lower = LowerCase.root(t);
    if (MailDates.isAlpha(t) && Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun").contains(lower)) {
      return true;
    }
    if (t.length() <= 2 && MailDates.isDigits(t, 0, t.length()) && i + 1 < tokens.size()) {
      String m = LowerCase.root(tokens.get(i + 1).text);
      return m.length() >= 3 && Set.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
          "nov", "dec").contains(m.substring(0, 3));
    }
    return false;
  }

  // ---------------------------------------------------------------- clauses

  private void readClauses(List<Tok> toks) {
    Clause current = null;
    boolean unexpectedReported = false;
    for (Tok t : toks) {
      if (t.type == Type.SEMI) {
        continue;
      }
      if (t.type == Type.ATOM) {
        String lower = LowerCase.root(t.text);
        // An id is arbitrary text: "id by" makes "by" the id, not a clause.
        boolean idValue = current != null && current.keyword.equals("id") && current.value == null
            && current.comments.isEmpty();
        if (KEYWORDS.contains(lower) && !idValue) {
          Clause c = new Clause(lower);
          if (!register(c)) {
            diag(Diagnostic.info(ReceivedCodes.HEADERS_RECEIVED_DUPLICATE_CLAUSE,
                "second '" + lower + "' clause; the first one is used"), t.start, t.end - t.start);
          }
          current = c;
          continue;
        }
      }
      if (t.type == Type.COMMENT) {
        comments.add(t.text);
      }
      if (current == null) {
        preamble.add(t);
        if (t.type != Type.COMMENT && !unexpectedReported) {
          unexpectedReported = true;
          diag(Diagnostic.info(ReceivedCodes.HEADERS_RECEIVED_UNEXPECTED_TEXT,
              "text before the first clause: '" + shorten(t.text) + "'"), t.start, t.end - t.start);
        }
        continue;
      }
      if (t.type == Type.COMMENT) {
        current.comments.add(t);
      } else if (current.value == null && current.comments.isEmpty()) {
        current.value = t;
      } else {
        current.extras.add(t);
      }
    }
  }

  private static String shorten(String s) {
    return Excerpt.of(s, 63);
  }

  private boolean register(Clause c) {
    switch (c.keyword) {
      case "from":
        if (fromC != null) {
          return false;
        }
        fromC = c;
        return true;
      case "by":
        if (byC != null) {
          return false;
        }
        byC = c;
        return true;
      case "via":
        if (viaC != null) {
          return false;
        }
        viaC = c;
        return true;
      case "with":
        if (withC != null) {
          return false;
        }
        withC = c;
        return true;
      case "id":
        if (idC != null) {
          return false;
        }
        idC = c;
        return true;
      default:
        if (forC != null) {
          return false;
        }
        forC = c;
        return true;
    }
  }

  // ---------------------------------------------------------------- analysis

  private void analyze() {
    for (Tok t : preamble) {
      if (t.type == Type.COMMENT) {
        analyzeCommon(t.text);
      }
    }
    if (fromC != null) {
      for (Tok t : fromC.comments) {
        if (!analyzeCommon(t.text)) {
          tcpInfo(t.text);
        }
      }
      if (ip == null && fromC.value != null) {
        ip = ipOf(fromC.value.text);
      }
      extras(fromC);
    }
    if (byC != null) {
      for (Tok t : byC.comments) {
        if (analyzeCommon(t.text)) {
          continue;
        }
        IpAddress a = ipOf(t.text);
        if (a != null) {
          if (byIp == null) {
            byIp = a;
          }
        } else if (t.text.indexOf('[') >= 0 && t.text.indexOf(']') > t.text.indexOf('[')) {
          IpAddress lit = ipOf(t.text.substring(t.text.indexOf('['), t.text.indexOf(']') + 1));
          if (byIp == null && lit != null) {
            byIp = lit;
          }
        } else if (software == null && !t.text.isEmpty()) {
          software = t.text;
        }
      }
      if (byIp == null && byC.value != null) {
        byIp = ipOf(byC.value.text);
      }
      extras(byC);
    }
    for (Clause c : new Clause[] {viaC, withC, idC, forC}) {
      if (c == null) {
        continue;
      }
      for (Tok t : c.comments) {
        if (!analyzeCommon(t.text) && software == null && c == withC && !t.text.isEmpty()
            && ipOf(t.text) == null) {
          software = t.text;
        }
      }
      extras(c);
    }
    if (withC != null && withC.value != null) {
      if (withC.value.text.indexOf('/') > 0) {
        // IronPort: ESMTP/TLS/DHE-RSA-AES256-SHA
        String[] parts = withC.value.text.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
          if (parts[i].equalsIgnoreCase("TLS") || UpperCase.root(parts[i]).startsWith("TLSV")) {
            tls = true;
            if (i + 1 < parts.length && tlsCipher == null && !parts[i + 1].isEmpty()) {
              tlsCipher = parts[i + 1];
            }
          }
        }
      }
      String p = protocol(withText(withC));
      if (TLS_PROTOCOLS.contains(p)) {
        tls = true;
      }
      if (AUTH_PROTOCOLS.contains(p)) {
        auth = true;
      }
    }
    if (tlsVersion != null || tlsCipher != null) {
      tls = true;
    }
  }

  private void extras(Clause c) {
    List<Tok> ex = c.extras;
    for (int i = 0; i < ex.size(); i++) {
      Tok t = ex.get(i);
      String lower = LowerCase.root(t.text);
      if (t.text.equals("tls") && i + 1 < ex.size() && ex.get(i + 1).type == Type.ATOM) {
        tls = true;
        if (tlsCipher == null) {
          tlsCipher = ex.get(i + 1).text;
        }
        i++;
      } else if (t.text.equals("TLS") || lower.equals("ssl")) {
        // "over TLS secured channel" (SMTPSVC), "via SSL"
        tls = true;
      } else if ((lower.equals("envelope-from") || lower.equals("envelope-sender")) && i + 1 < ex.size()) {
        if (envelopeFrom == null) {
          envelopeFrom = address(ex.get(i + 1).text);
        }
        i++;
      }
    }
  }

  /** Reads TLS, authentication and envelope details; returns true when the comment was one of those. */
  private boolean analyzeCommon(String c) {
    String lower = LowerCase.root(c);
    boolean known = false;
    if (lower.startsWith("envelope-from") || lower.startsWith("envelope-sender")) {
      String rest = c.substring(lower.startsWith("envelope-from") ? 13 : 15).trim();
      if (rest.startsWith("=") || rest.startsWith(":")) {
        rest = rest.substring(1).trim();
      }
      if (envelopeFrom == null && !rest.isEmpty()) {
        envelopeFrom = address(firstWord(rest));
      }
      return true;
    }
    if ((lower.contains("authenticated") && !lower.contains("not authenticated")) || lower.startsWith("auth:")
        || lower.contains(" auth: ")) {
      auth = true;
      known = true;
    }
    if (lower.equals("tls") || lower.contains("transport security") || lower.equals("ssl")) {
      tls = true;
      return true;
    }
    if (lower.contains("version=") || lower.contains("cipher=")) {
      for (String w : words(c)) {
        String lw = LowerCase.root(w);
        if (lw.startsWith("version=") && tlsVersion == null) {
          tlsVersion = trimPunct(w.substring(8));
        } else if (lw.startsWith("cipher=") && tlsCipher == null) {
          tlsCipher = trimPunct(w.substring(7));
        }
      }
      tls = true;
      return true;
    }
    if (lower.startsWith("using ")) {
      List<String> ws = words(c);
      if (ws.size() > 1 && tlsVersion == null) {
        tlsVersion = trimPunct(ws.get(1));
      }
      for (int i = 0; i + 1 < ws.size(); i++) {
        if (ws.get(i).equalsIgnoreCase("cipher") && tlsCipher == null) {
          tlsCipher = trimPunct(ws.get(i + 1));
          break;
        }
      }
      tls = true;
      return true;
    }
    int tlsColon = lower.startsWith("tls:") ? 0 : lower.indexOf(" tls:");
    if (tlsColon >= 0) {
      int at = lower.indexOf("tls:", tlsColon) + 4;
      String rest = c.substring(at).trim();
      String[] parts = rest.split(",", -1);
      for (String p : parts) {
        String t = p.trim();
        String lt = LowerCase.root(t);
        if (lt.startsWith("tls") || lt.startsWith("ssl")) {
          if (tlsVersion == null) {
            tlsVersion = t;
          }
        } else if (lt.endsWith("bits")) {
          continue;
        } else if (!t.isEmpty() && tlsCipher == null) {
          tlsCipher = t;
        }
      }
      tls = true;
      return true;
    }
    if ((lower.startsWith("tls") || lower.startsWith("ssl")) && lower.indexOf(' ') < 0) {
      // Exim: TLS1.3 or TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384:256
      String[] parts = c.split(":", -1);
      if (tlsVersion == null) {
        tlsVersion = parts[0];
      }
      if (parts.length > 1 && tlsCipher == null && !parts[1].isEmpty()) {
        tlsCipher = parts[1];
      }
      tls = true;
      return true;
    }
    return known;
  }

  /** Reads the connection comment of the from clause. */
  private void tcpInfo(String c) {
    List<String> ws = words(c);
    IpAddress whole = ipOf(c);
    if (whole != null) {
      if (ip == null) {
        ip = whole;
      }
      return;
    }
    for (int i = 0; i < ws.size(); i++) {
      String w = ws.get(i);
      String lw = LowerCase.root(w);
      if (w.startsWith("[")) {
        IpAddress a = ipOf(w);
        if (a != null && ip == null) {
          ip = a;
          if (i > 0 && rdns == null) {
            String name = ws.get(i - 1);
            if (!name.contains("=") && !name.equalsIgnoreCase("unknown") && !name.startsWith("(")) {
              rdns = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            }
          }
        }
      } else if (lw.startsWith("helo=")) {
        if (helo == null && w.length() > 5) {
          helo = trimPunct(w.substring(5));
        }
      } else if ((lw.equals("helo") || lw.equals("ehlo") || lw.equals("lhlo")) && i + 1 < ws.size()) {
        if (helo == null) {
          helo = trimPunct(ws.get(i + 1));
        }
        i++;
      } else if (ip == null) {
        IpAddress a = ipOf(w);
        if (a != null) {
          ip = a;
        }
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(s.substring(start, i));
      }
    }
    return out;
  }

  private static String firstWord(String s) {
    List<String> ws = words(s);
    return ws.isEmpty() ? s : ws.get(0);
  }

  private static String trimPunct(String s) {
    int a = 0;
    int b = s.length();
    while (b > a && (s.charAt(b - 1) == ',' || s.charAt(b - 1) == ';' || s.charAt(b - 1) == ')')) {
      b--;
    }
    while (a < b && s.charAt(a) == '(') {
      a++;
    }
    return s.substring(a, b);
  }

  /** Returns the address of a literal or bare IP, tolerating IPv6:, user@ and a port. */
  static @Nullable IpAddress ipOf(String text) {
    String s = text.trim();
    if (s.isEmpty() || s.length() > 80) {
      return null;
    }
    int at = s.lastIndexOf('@');
    if (at >= 0) {
      s = s.substring(at + 1);
    }
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0 || !isPort(s, close + 1)) {
        return null;
      }
      s = s.substring(1, close);
    }
    s = trimPunct(s);
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return null;
      }
    }
    if (s.regionMatches(true, 0, "IPv6:", 0, 5)) {
      s = s.substring(5);
    }
    if (s.isEmpty() || !(Character.digit(s.charAt(0), 16) >= 0 || s.charAt(0) == ':')) {
      return null;
    }
    if (s.indexOf(':') < 0 && !onlyDigitsAndDots(s)) {
      // Without a colon only a dotted quad can parse: skip the failing, diagnostic-building parse.
      return null;
    }
    Optional<IpAddress> a = IpAddress.parse(s).value();
    if (a.isEmpty() && s.indexOf('.') > 0 && s.lastIndexOf(':') > s.lastIndexOf('.')) {
      // 192.0.2.1:25
      a = IpAddress.parse(s.substring(0, s.lastIndexOf(':'))).value();
    }
    return a.orElse(null);
  }

  private static boolean onlyDigitsAndDots(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** Whether s from index i is empty, or ":" and digits (a port after a literal), maybe with closing punctuation. */
  private static boolean isPort(String s, int i) {
    String rest = trimPunct(s.substring(i));
    if (rest.isEmpty()) {
      return true;
    }
    return rest.length() > 1 && rest.charAt(0) == ':' && MailDates.isDigits(rest, 1, rest.length());
  }

  private static String address(String s) {
    String t = s.trim();
    if (t.endsWith(",") || t.endsWith(";")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.startsWith("<") && t.endsWith(">")) {
      t = t.substring(1, t.length() - 1);
    }
    return t;
  }

  /** The value and following atoms up to the first comment: "Microsoft SMTP Server", "Frontend Transport". */
  private static String joinedText(Clause c) {
    StringBuilder sb = new StringBuilder();
    if (c.value != null) {
      sb.append(c.value.text);
    }
    for (Tok t : c.extras) {
      if (t.type != Type.ATOM || t.text.equalsIgnoreCase("tls") || t.text.equalsIgnoreCase("envelope-from")) {
        break;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(t.text);
    }
    return sb.toString();
  }

  private String withText(Clause c) {
    if (c.value == null) {
      return "";
    }
    // Only atoms written directly after the value, before any comment, belong to the protocol name.
    StringBuilder sb = new StringBuilder(c.value.text);
    int end = c.value.end;
    for (Tok t : c.extras) {
      if (t.type != Type.ATOM || t.text.equalsIgnoreCase("tls") || t.text.equalsIgnoreCase("envelope-from")
          || hasCommentBetween(c, end, t.start)) {
        break;
      }
      sb.append(' ').append(t.text);
      end = t.end;
    }
    return sb.toString();
  }

  private static boolean hasCommentBetween(Clause c, int from, int to) {
    for (Tok t : c.comments) {
      if (t.start >= from && t.start < to) {
        return true;
      }
    }
    return false;
  }

  private static String protocol(String withText) {
    String upper = UpperCase.root(withText);
    if (upper.startsWith("MICROSOFT SMTP") || upper.startsWith("MICROSOFT ESMTP")) {
      return "ESMTP";
    }
    String first = firstWord(upper);
    int slash = first.indexOf('/');
    return slash > 0 ? first.substring(0, slash) : first;
  }
}
