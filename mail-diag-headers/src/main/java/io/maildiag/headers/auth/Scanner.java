package io.maildiag.headers.auth;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Limits;
import io.maildiag.core.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over one header field value: white space and comments, quoted-strings, keywords, with
 * diagnostics positioned in the input. CR and LF count as folding white space everywhere.
 */
final class Scanner {
  final String in;
  int pos;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final int maxDiagnostics;
  private boolean truncated;

  Scanner(String in) {
    this.in = in;
    this.maxDiagnostics = Limits.DEFAULT_MAX_DIAGNOSTICS;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  boolean hasErrors() {
    return errors > 0;
  }

  private int errors;
  private int others;

  /** Adds a diagnostic; errors and the rest are capped separately, so that no cap hides an error. */
  void report(DiagnosticCode code, Severity severity, String message, int offset, int length) {
    boolean error = severity == Severity.ERROR;
    if ((error ? errors : others) >= maxDiagnostics) {
      if (!truncated) {
        truncated = true;
        diagnostics.add(Diagnostic.of(AuthResultsCodes.AUTHRES_TOO_MANY_DIAGNOSTICS, Severity.WARNING,
            "more than " + maxDiagnostics + " diagnostics; the rest were dropped").at(in, offset, 0));
      }
      return;
    }
    if (error) {
      errors++;
    } else {
      others++;
    }
    diagnostics.add(Diagnostic.of(code, severity, message)
        .withReference("RFC 8601 section 2.2")
        .at(in, Math.max(0, Math.min(offset, in.length())), Math.max(0, length)));
  }

  void error(DiagnosticCode code, String message, int offset, int length) {
    report(code, Severity.ERROR, message, offset, length);
  }

  boolean atEnd(int end) {
    return pos >= end;
  }

  char peek() {
    return in.charAt(pos);
  }

  /** Skips white space and comments before {@code end}, adding each comment's text to {@code comments}. */
  void skipCfws(int end, List<String> comments) {
    while (pos < end) {
      char c = in.charAt(pos);
      if (Text.isFwsChar(c)) {
        pos++;
      } else if (c == '(') {
        comments.add(readComment(end));
      } else {
        return;
      }
    }
  }

  /** Reads a comment at {@code pos} (which holds '('), nested comments included, and returns its text. */
  String readComment(int end) {
    int start = pos;
    pos++;
    int depth = 1;
    StringBuilder sb = new StringBuilder();
    while (pos < end) {
      char c = in.charAt(pos);
      if (c == '\\' && pos + 1 < end) {
        appendChecked(sb, in.charAt(pos + 1), pos + 1);
        pos += 2;
        continue;
      }
      pos++;
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return sb.toString();
        }
      }
      appendChecked(sb, c, pos - 1);
    }
    error(AuthResultsCodes.AUTHRES_UNTERMINATED_COMMENT, "comment without closing parenthesis", start, end - start);
    return sb.toString();
  }

  /** Reads a quoted-string at {@code pos} (which holds '"') and returns its content. */
  String readQuoted(int end) {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < end) {
      char c = in.charAt(pos);
      if (c == '\\' && pos + 1 < end) {
        appendChecked(sb, in.charAt(pos + 1), pos + 1);
        pos += 2;
        continue;
      }
      pos++;
      if (c == '"') {
        return sb.toString();
      }
      appendChecked(sb, c, pos - 1);
    }
    error(AuthResultsCodes.AUTHRES_UNTERMINATED_QUOTE, "quoted-string without closing quote", start, end - start);
    return sb.toString();
  }

  /** Appends {@code c} to decoded text: CR and LF are unfolded away, other controls replaced. */
  private void appendChecked(StringBuilder sb, char c, int at) {
    if (c == '\r' || c == '\n') {
      return;
    }
    if (Text.isBadControl(c)) {
      error(AuthResultsCodes.AUTHRES_INVALID_CHARACTER,
          String.format("control character U+%04X", (int) c), at, 1);
      sb.append('\uFFFD');
      return;
    }
    sb.append(c);
  }

  /** Reads keyword characters and returns them (possibly empty). */
  String readKeyword(int end) {
    int start = pos;
    while (pos < end && Text.isKeywordChar(in.charAt(pos))) {
      pos++;
    }
    return in.substring(start, pos);
  }

  /**
   * Reads a value: a quoted-string, or the characters up to white space, a comment or {@code
   * stopAt}. Control characters are replaced and reported. Returns null if nothing is there.
   */
  @org.jspecify.annotations.Nullable
  Value readValue(int end, String stopAt) {
    int start = pos;
    if (pos < end && in.charAt(pos) == '"') {
      String s = readQuoted(end);
      return new Value(s, true, start, pos - start);
    }
    StringBuilder sb = new StringBuilder();
    while (pos < end) {
      char c = in.charAt(pos);
      if (Text.isFwsChar(c) || c == '(' || stopAt.indexOf(c) >= 0) {
        break;
      }
      appendChecked(sb, c, pos);
      pos++;
    }
    if (pos == start) {
      return null;
    }
    return new Value(sb.toString(), false, start, pos - start);
  }

  /** A value read from the input. */
  record Value(String text, boolean quoted, int offset, int length) {}

  /**
   * Splits {@code [start, end)} at every {@code sep} outside comments and quoted-strings and
   * returns the bounds of the pieces as {@code [s0, e0, s1, e1, ...]}.
   */
  List<int[]> split(int start, int end, char sep) {
    List<int[]> out = new ArrayList<>();
    int segStart = start;
    int i = start;
    while (i < end) {
      char c = in.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '"') {
        i = skipQuotedRaw(i, end);
        continue;
      }
      if (c == '(') {
        i = skipCommentRaw(i, end);
        continue;
      }
      if (c == sep) {
        out.add(new int[] {segStart, i});
        segStart = i + 1;
      }
      i++;
    }
    out.add(new int[] {segStart, end});
    return out;
  }

  /** Returns whether {@code c} occurs in {@code [start, end)} outside comments and quoted-strings. */
  boolean containsTopLevel(int start, int end, char c) {
    int i = start;
    while (i < end) {
      char ch = in.charAt(i);
      if (ch == '\\') {
        i += 2;
        continue;
      }
      if (ch == '"') {
        i = skipQuotedRaw(i, end);
        continue;
      }
      if (ch == '(') {
        i = skipCommentRaw(i, end);
        continue;
      }
      if (ch == c) {
        return true;
      }
      i++;
    }
    return false;
  }

  private int skipQuotedRaw(int i, int end) {
    i++;
    while (i < end) {
      char c = in.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return end;
  }

  private int skipCommentRaw(int i, int end) {
    int depth = 0;
    while (i < end) {
      char c = in.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
      i++;
    }
    return end;
  }
}
