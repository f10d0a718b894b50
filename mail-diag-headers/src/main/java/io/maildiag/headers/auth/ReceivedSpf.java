package io.maildiag.headers.auth;

import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import io.maildiag.core.internal.LowerCase;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.spf.SpfResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a {@code Received-SPF} field (RFC 7208 section 9.1): the SPF result a receiver
 * recorded, its comment, and the {@code key=value} list.
 *
 * <pre>{@code
 * Received-SPF: pass (mybox.example.org: domain of myname@example.com designates 192.0.2.1 as
 *     permitted sender) receiver=mybox.example.org; client-ip=192.0.2.1;
 *     envelope-from="myname@example.com"; helo=foo.example.com;
 * }</pre>
 *
 * <p>The result is read case-insensitively (Microsoft writes {@code Pass}).
 *
 * @param result the SPF result
 * @param comment the comment after the result, without parentheses
 * @param parameters the {@code key=value} pairs in order; keys lower-cased, values unquoted
 * @since 0.1
 */
public record ReceivedSpf(SpfResult result, Optional<String> comment, List<ReceivedSpf.Parameter> parameters) {

  /**
   * One {@code key=value} of the field.
   *
   * @param key the key, lower-cased: {@code client-ip}, {@code envelope-from}, {@code helo}, ...
   * @param value the value, unquoted
   * @since 0.1
   */
  public record Parameter(String key, String value) {
    /** Normalises the key. */
    public Parameter {
      key = LowerCase.root(key);
      Objects.requireNonNull(value, "value");
    }
  }

  /** Checks for null and copies the list. */
  public ReceivedSpf {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(comment, "comment");
    parameters = List.copyOf(parameters);
  }

  /**
   * Parses a field value. Never throws; fails only when the result keyword is missing or unknown.
   *
   * @param value the field value after the colon, folded or not
   */
  public static ParseResult<ReceivedSpf> parse(CharSequence value) {
    Objects.requireNonNull(value, "value");
    Scanner sc = new Scanner(value.toString());
    String in = sc.in;
    int end = in.length();
    List<String> comments = new ArrayList<>();
    sc.skipCfws(end, comments);
    int resultAt = sc.pos;
    String word = sc.readKeyword(end);
    SpfResult result = null;
    for (SpfResult r : SpfResult.values()) {
      if (r.rfcName().equalsIgnoreCase(word)) {
        result = r;
      }
    }
    if (result == null) {
      sc.error(AuthResultsCodes.RECEIVED_SPF_INVALID_RESULT,
          word.isEmpty() ? "missing SPF result" : "not an SPF result: " + word, resultAt, Math.max(1, word.length()));
      return ParseResult.failure(sc.diagnostics());
    }
    List<String> resultComments = new ArrayList<>();
    sc.skipCfws(end, resultComments);
    List<Parameter> params = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (int[] seg : sc.split(sc.pos, end, ';')) {
      sc.pos = seg[0];
      sc.skipCfws(seg[1], ignored);
      if (sc.atEnd(seg[1])) {
        continue;
      }
      int keyAt = sc.pos;
      String key = sc.readKeyword(seg[1]);
      sc.skipCfws(seg[1], ignored);
      if (key.isEmpty() || sc.atEnd(seg[1]) || sc.peek() != '=') {
        sc.report(AuthResultsCodes.RECEIVED_SPF_INVALID_PARAMETER, Severity.WARNING,
            "expected key=value: " + in.substring(keyAt, seg[1]).strip(), keyAt, seg[1] - keyAt);
        continue;
      }
      sc.pos++;
      sc.skipCfws(seg[1], ignored);
      Scanner.Value v = sc.readValue(seg[1], "");
      String text = v == null ? "" : v.text();
      sc.skipCfws(seg[1], ignored);
      if (!sc.atEnd(seg[1])) {
        sc.report(AuthResultsCodes.RECEIVED_SPF_INVALID_PARAMETER, Severity.WARNING,
            "unexpected text after " + key + "=", sc.pos, seg[1] - sc.pos);
      }
      if (key.equalsIgnoreCase("client-ip") && IpAddress.parse(text).value().isEmpty()) {
        sc.report(AuthResultsCodes.RECEIVED_SPF_INVALID_CLIENT_IP, Severity.WARNING,
            "client-ip is not an IP address: " + text, v == null ? keyAt : v.offset(), v == null ? 0 : v.length());
      }
      params.add(new Parameter(key, text));
    }
    Optional<String> comment = resultComments.isEmpty() ? Optional.empty()
        : Optional.of(String.join(" ", resultComments).strip());
    return ParseResult.success(new ReceivedSpf(result, comment, params), sc.diagnostics());
  }

  /** Returns the value of the first parameter with the given key, ignoring case. */
  public Optional<String> parameter(String key) {
    String k = LowerCase.root(key);
    return parameters.stream().filter(p -> p.key().equals(k)).map(Parameter::value).findFirst();
  }

  /** Returns {@code client-ip} as an address, if present and valid. */
  public Optional<IpAddress> clientIp() {
    return parameter("client-ip").flatMap(s -> IpAddress.parse(s).value());
  }

  /** Returns {@code envelope-from}. */
  public Optional<String> envelopeFrom() {
    return parameter("envelope-from");
  }

  /** Returns {@code helo}. */
  public Optional<String> helo() {
    return parameter("helo");
  }

  /** Returns {@code receiver}. */
  public Optional<String> receiver() {
    return parameter("receiver");
  }

  /** Returns {@code identity}: {@code mailfrom} or {@code helo}. */
  public Optional<String> identity() {
    return parameter("identity");
  }

  /** Returns {@code mechanism}: the mechanism that matched. */
  public Optional<String> mechanism() {
    return parameter("mechanism");
  }

  /** Returns {@code problem}: what went wrong, for errors. */
  public Optional<String> problem() {
    return parameter("problem");
  }
}
