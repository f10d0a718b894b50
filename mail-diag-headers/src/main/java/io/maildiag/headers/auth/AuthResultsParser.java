package io.maildiag.headers.auth;

import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import io.maildiag.core.internal.LowerCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The RFC 8601 section 2.2 parser behind {@link AuthenticationResults#parse}. */
final class AuthResultsParser {

  private static final Set<String> KNOWN_PTYPES = Set.of("smtp", "header", "body", "policy");

  private final Scanner sc;
  private final AuthResultsMode mode;
  private final boolean strict;

  private AuthResultsParser(String input, AuthResultsMode mode) {
    this.sc = new Scanner(input);
    this.mode = mode;
    this.strict = mode == AuthResultsMode.STRICT;
  }

  static ParseResult<AuthenticationResults> parse(String input, AuthResultsMode mode) {
    return new AuthResultsParser(input, mode).run();
  }

  /** Reports at error severity in strict mode and at {@code lenient} severity otherwise. */
  private void deviation(io.maildiag.core.DiagnosticCode code, Severity lenient, String message, int offset,
      int length) {
    sc.report(code, strict ? Severity.ERROR : lenient, message, offset, length);
  }

  private ParseResult<AuthenticationResults> run() {
    String in = sc.in;
    List<int[]> segments = sc.split(0, in.length(), ';');
    List<String> headerComments = new ArrayList<>();
    List<AuthResult> results = new ArrayList<>();
    String authservId = null;
    OptionalInt version = OptionalInt.empty();
    int noneAt = -1;
    boolean firstIsResult = false;

    for (int idx = 0; idx < segments.size(); idx++) {
      int start = segments.get(idx)[0];
      int end = segments.get(idx)[1];
      sc.pos = start;
      List<String> leading = new ArrayList<>();
      sc.skipCfws(end, leading);
      if (sc.atEnd(end)) {
        // Only white space and comments.
        if (idx == 0) {
          headerComments.addAll(leading);
          if (segments.size() == 1) {
            sc.error(AuthResultsCodes.AUTHRES_EMPTY, "empty Authentication-Results value", 0, in.length());
            return ParseResult.failure(sc.diagnostics());
          }
          deviation(AuthResultsCodes.AUTHRES_MISSING_AUTHSERV_ID, Severity.WARNING,
              "the value starts with ';' instead of an authserv-id", start, end - start);
        } else {
          attachComments(results, headerComments, leading);
          boolean trailing = idx == segments.size() - 1;
          deviation(AuthResultsCodes.AUTHRES_EMPTY_RESULT, Severity.INFO,
              trailing ? "trailing ';' after the last result" : "empty result between two ';'",
              start - 1, 1);
        }
        continue;
      }
      boolean isResult = sc.containsTopLevel(sc.pos, end, '=');
      if (isResult) {
        if (idx == 0) {
          firstIsResult = true;
        }
        if (noneAt >= 0) {
          sc.error(AuthResultsCodes.AUTHRES_NONE_WITH_RESULTS, "'none' together with results", noneAt, 4);
        }
        AuthResult r = parseResinfo(end, leading);
        if (r != null) {
          results.add(r);
        }
        continue;
      }
      // A bare word: the authserv-id, "none", or (Microsoft) the authserv-id between results.
      int wordAt = sc.pos;
      Scanner.Value word = sc.readValue(end, "");
      List<String> after = new ArrayList<>();
      sc.skipCfws(end, after);
      String text = word == null ? "" : word.text();
      if (idx > 0 && word != null && !word.quoted() && text.equalsIgnoreCase("none")) {
        if (!results.isEmpty()) {
          sc.error(AuthResultsCodes.AUTHRES_NONE_WITH_RESULTS, "'none' together with results", wordAt, 4);
        }
        noneAt = wordAt;
        headerComments.addAll(leading);
        headerComments.addAll(after);
        expectEnd(end);
        continue;
      }
      if (idx > 0 && word != null && !word.quoted() && AuthMethod.of(text) != AuthMethod.UNKNOWN) {
        // A registered method name alone: a result without "=result", not an authserv-id.
        sc.error(AuthResultsCodes.AUTHRES_MISSING_RESULT, "expected '=' and a result after '" + text + "'",
            word.offset(), word.length());
        attachComments(results, headerComments, leading);
        attachComments(results, headerComments, after);
        sc.pos = end;
        continue;
      }
      if (word == null) {
        sc.error(AuthResultsCodes.AUTHRES_UNEXPECTED_TEXT, "unexpected '" + in.charAt(wordAt) + "'", wordAt, 1);
        sc.pos = end;
        continue;
      }
      if (!word.quoted() && !Text.isToken(text)) {
        deviation(AuthResultsCodes.AUTHRES_INVALID_AUTHSERV_ID, Severity.WARNING,
            "authserv-id is neither a token nor a quoted-string: " + text, word.offset(), word.length());
      }
      OptionalInt segVersion = OptionalInt.empty();
      if (!sc.atEnd(end) && Character.isDigit(sc.peek())) {
        int vAt = sc.pos;
        Scanner.Value v = sc.readValue(end, "");
        segVersion = parseVersion(v, vAt);
        sc.skipCfws(end, after);
      }
      expectEnd(end);
      if (idx == 0) {
        authservId = text;
        version = segVersion;
        headerComments.addAll(leading);
        headerComments.addAll(after);
      } else if (authservId == null) {
        authservId = text;
        version = segVersion;
        headerComments.addAll(leading);
        headerComments.addAll(after);
        deviation(AuthResultsCodes.AUTHRES_AUTHSERV_ID_MISPLACED, Severity.INFO,
            "authserv-id '" + text + "' after a result, not first (Microsoft 365 style)", word.offset(),
            word.length());
      } else {
        attachComments(results, headerComments, leading);
        attachComments(results, headerComments, after);
        if (!authservId.equalsIgnoreCase(text)) {
          sc.report(AuthResultsCodes.AUTHRES_CONFLICTING_AUTHSERV_ID, strict ? Severity.ERROR : Severity.WARNING,
              "second authserv-id '" + text + "' differs from '" + authservId + "'", word.offset(), word.length());
        } else if (!firstIsResult) {
          deviation(AuthResultsCodes.AUTHRES_AUTHSERV_ID_MISPLACED, Severity.INFO,
              "authserv-id repeated between results (Microsoft 365 style)", word.offset(), word.length());
        }
      }
    }
    if (firstIsResult && authservId == null) {
      deviation(AuthResultsCodes.AUTHRES_MISSING_AUTHSERV_ID, Severity.WARNING,
          "no authserv-id: the value starts with a result", 0, 0);
    }
    if (results.isEmpty() && noneAt < 0) {
      deviation(AuthResultsCodes.AUTHRES_NO_RESULTS, Severity.WARNING,
          "neither 'none' nor any result after the authserv-id", in.length(), 0);
    }
    if (strict && sc.hasErrors()) {
      return ParseResult.failure(sc.diagnostics());
    }
    if (results.isEmpty() && authservId == null) {
      if (!sc.hasErrors()) {
        sc.error(AuthResultsCodes.AUTHRES_EMPTY, "no authserv-id and no result", 0, in.length());
      }
      return ParseResult.failure(sc.diagnostics());
    }
    AuthenticationResults value = new AuthenticationResults(
        Optional.ofNullable(authservId), version, results, headerComments);
    return ParseResult.success(value, sc.diagnostics());
  }

  private static void attachComments(List<AuthResult> results, List<String> headerComments, List<String> comments) {
    if (comments.isEmpty()) {
      return;
    }
    if (results.isEmpty()) {
      headerComments.addAll(comments);
      return;
    }
    int last = results.size() - 1;
    AuthResult r = results.get(last);
    if (r.properties().isEmpty()) {
      List<String> all = new ArrayList<>(r.comments());
      all.addAll(comments);
      results.set(last, r.withComments(all));
    } else {
      List<AuthProperty> props = new ArrayList<>(r.properties());
      AuthProperty p = props.get(props.size() - 1);
      List<String> all = new ArrayList<>(p.comments());
      all.addAll(comments);
      props.set(props.size() - 1, new AuthProperty(p.ptype(), p.property(), p.value(), all));
      results.set(last, new AuthResult(r.method(), r.methodVersion(), r.result(), r.reason(), props, r.comments()));
    }
  }

  private OptionalInt parseVersion(Scanner.@org.jspecify.annotations.Nullable Value v, int at) {
    if (v == null) {
      return OptionalInt.empty();
    }
    String t = v.text();
    if (!v.quoted() && !t.isEmpty() && t.length() <= 9 && t.chars().allMatch(Character::isDigit)
        && t.chars().allMatch(ch -> ch < 128)) {
      return OptionalInt.of(Integer.parseInt(t));
    }
    sc.error(AuthResultsCodes.AUTHRES_INVALID_VERSION, "version is not a number: " + t, at, v.length());
    return OptionalInt.empty();
  }

  private void expectEnd(int end) {
    if (!sc.atEnd(end)) {
      int at = sc.pos;
      sc.error(AuthResultsCodes.AUTHRES_UNEXPECTED_TEXT,
          "unexpected text: " + sc.in.substring(at, Math.min(end, at + 40)).strip(), at, end - at);
      sc.pos = end;
    }
  }

  /** Parses {@code method[/version]=result [reason=...] *property} up to {@code end}. */
  private @org.jspecify.annotations.Nullable AuthResult parseResinfo(int end, List<String> leadingComments) {
    String in = sc.in;
    int methodAt = sc.pos;
    String method = sc.readKeyword(end);
    List<String> resultComments = new ArrayList<>(leadingComments);
    if (method.isEmpty()) {
      sc.error(AuthResultsCodes.AUTHRES_INVALID_METHOD, "expected a method name", methodAt, 1);
      sc.pos = end;
      return null;
    }
    if (strict && method.indexOf('_') >= 0) {
      sc.error(AuthResultsCodes.AUTHRES_INVALID_METHOD, "'_' is not allowed in a method name", methodAt,
          method.length());
    }
    if (AuthMethod.of(method) == AuthMethod.UNKNOWN) {
      sc.report(AuthResultsCodes.AUTHRES_UNKNOWN_METHOD, Severity.INFO, "unregistered method '" + method + "' kept",
          methodAt, method.length());
    }
    sc.skipCfws(end, resultComments);
    OptionalInt methodVersion = OptionalInt.empty();
    if (!sc.atEnd(end) && sc.peek() == '/') {
      sc.pos++;
      sc.skipCfws(end, resultComments);
      int vAt = sc.pos;
      String digits = sc.readKeyword(end);
      methodVersion = parseVersion(digits.isEmpty() ? null : new Scanner.Value(digits, false, vAt, digits.length()),
          vAt);
      if (digits.isEmpty()) {
        sc.error(AuthResultsCodes.AUTHRES_INVALID_VERSION, "expected a method version after '/'", vAt, 1);
      }
      sc.skipCfws(end, resultComments);
    }
    if (sc.atEnd(end) || sc.peek() != '=') {
      int at = Math.min(sc.pos, end);
      sc.error(AuthResultsCodes.AUTHRES_MISSING_RESULT, "expected '=' and a result after '" + method + "'", at, 1);
      sc.pos = end;
      return null;
    }
    sc.pos++;
    sc.skipCfws(end, resultComments);
    int resultAt = sc.pos;
    String result = sc.readKeyword(end);
    if (result.isEmpty()) {
      sc.error(AuthResultsCodes.AUTHRES_INVALID_RESULT, "expected a result keyword after '" + method + "='",
          resultAt, 1);
      sc.pos = end;
      return null;
    }
    AuthMethod known = AuthMethod.of(method);
    if (!known.allows(AuthResultValue.of(result))) {
      sc.report(AuthResultsCodes.AUTHRES_UNKNOWN_RESULT, Severity.WARNING,
          "'" + result + "' is not a registered result of " + method, resultAt, result.length());
    }
    sc.skipCfws(end, resultComments);

    String reason = null;
    List<AuthProperty> props = new ArrayList<>();
    while (!sc.atEnd(end)) {
      int nameAt = sc.pos;
      String ptype = sc.readKeyword(end);
      if (ptype.isEmpty()) {
        int skipTo = nextWhite(end);
        sc.error(AuthResultsCodes.AUTHRES_INVALID_PROPERTY, "expected a property, found '"
            + in.substring(nameAt, skipTo) + "'", nameAt, skipTo - nameAt);
        sc.pos = skipTo;
        sc.skipCfws(end, resultComments);
        continue;
      }
      List<String> inner = new ArrayList<>();
      sc.skipCfws(end, inner);
      String property;
      String type;
      if (!sc.atEnd(end) && sc.peek() == '.') {
        sc.pos++;
        sc.skipCfws(end, inner);
        int propAt = sc.pos;
        property = sc.readKeyword(end);
        if (property.isEmpty()) {
          int skipTo = nextWhite(end);
          sc.error(AuthResultsCodes.AUTHRES_INVALID_PROPERTY, "expected a property name after '" + ptype + ".'",
              propAt, Math.max(1, skipTo - propAt));
          sc.pos = skipTo;
          sc.skipCfws(end, resultComments);
          continue;
        }
        type = ptype;
        sc.skipCfws(end, inner);
      } else {
        property = ptype;
        type = "";
      }
      if (sc.atEnd(end) || sc.peek() != '=') {
        int at = Math.min(sc.pos, end);
        sc.error(AuthResultsCodes.AUTHRES_INVALID_PROPERTY, "expected '=' after '"
            + (type.isEmpty() ? property : type + "." + property) + "'", at, 1);
        int skipTo = nextWhite(end);
        sc.pos = Math.max(skipTo, sc.pos);
        sc.skipCfws(end, resultComments);
        continue;
      }
      sc.pos++;
      sc.skipCfws(end, inner);
      int valueAt = sc.pos;
      Scanner.Value v = sc.readValue(end, "");
      String value = v == null ? "" : v.text();
      if (v == null) {
        deviation(AuthResultsCodes.AUTHRES_INVALID_VALUE, Severity.WARNING,
            "empty value for '" + (type.isEmpty() ? property : type + "." + property) + "'", valueAt, 0);
      }
      List<String> trailing = new ArrayList<>();
      sc.skipCfws(end, trailing);
      if (type.isEmpty() && property.equalsIgnoreCase("reason")) {
        if (reason != null || !props.isEmpty()) {
          deviation(AuthResultsCodes.AUTHRES_MISPLACED_REASON, Severity.INFO,
              reason != null ? "second reason" : "reason after the properties", nameAt, sc.pos - nameAt);
        }
        if (v != null && !v.quoted() && !Text.isToken(value)) {
          deviation(AuthResultsCodes.AUTHRES_INVALID_VALUE, Severity.WARNING,
              "reason is neither a token nor a quoted-string", v.offset(), v.length());
        }
        if (reason == null) {
          reason = value;
        }
        resultComments.addAll(inner);
        resultComments.addAll(trailing);
        continue;
      }
      if (type.isEmpty()) {
        deviation(AuthResultsCodes.AUTHRES_BARE_PROPERTY, Severity.INFO,
            "property '" + property + "' without ptype (Microsoft 365 style)", nameAt, property.length());
      } else if (!KNOWN_PTYPES.contains(LowerCase.root(type))) {
        sc.report(AuthResultsCodes.AUTHRES_UNKNOWN_PTYPE, Severity.WARNING,
            "ptype '" + type + "' is not smtp, header, body or policy", nameAt, type.length());
      }
      if (v != null && !v.quoted() && !Text.isPlainPvalue(value)) {
        deviation(AuthResultsCodes.AUTHRES_INVALID_VALUE, Severity.WARNING,
            "value must be quoted: " + value, v.offset(), v.length());
      }
      if (strict && property.indexOf('_') >= 0) {
        sc.error(AuthResultsCodes.AUTHRES_INVALID_PROPERTY, "'_' is not allowed in a property name", nameAt,
            sc.pos - nameAt);
      }
      List<String> propComments = new ArrayList<>(inner);
      propComments.addAll(trailing);
      props.add(new AuthProperty(type, property, value, propComments));
    }
    return new AuthResult(method, methodVersion, result, Optional.ofNullable(reason), props, resultComments);
  }

  private int nextWhite(int end) {
    int i = sc.pos;
    while (i < end && !Text.isFwsChar(sc.in.charAt(i)) && sc.in.charAt(i) != '(') {
      i++;
    }
    return Math.max(i, Math.min(sc.pos + 1, end));
  }
}
