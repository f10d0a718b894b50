package io.maildiag.examples.cli;

import io.maildiag.core.Limits;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.spf.SpfChecker;
import io.maildiag.dns.spf.SpfEvaluation;
import io.maildiag.dns.spf.SpfRequest;
import io.maildiag.examples.render.SpfJson;
import io.maildiag.examples.render.SpfText;
import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code mail-diag spf}: evaluates SPF (RFC 7208 {@code check_host()}) for one request given as
 * options, or for many read from a batch file.
 *
 * <p>The modes are chosen in {@link #execute()} from the options given; each has its own method.
 * A later mode (the audit of a domain's published record, {@code mail-diag spf DOMAIN}) is added as
 * a positional parameter, a branch in {@link #execute()} and a method of its own; the option forms
 * stay as they are.
 */
@Command(
    name = "spf",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Evaluate SPF (RFC 7208) for a client IP and a sender or HELO name, one or in batch.",
    customSynopsis = {
      "mail-diag spf --ip=IP (--sender=ADDR [--helo=NAME] | --helo=NAME)",
      "                     [--zone=FILE | --server=HOST[:PORT]] [--timeout=DURATION]",
      "                     [--json]",
      "       mail-diag spf --batch=FILE|- [--zone=FILE | --server=HOST[:PORT]]",
      "                     [--timeout=DURATION]"
    },
    description = {
      "%nShows the result (pass, fail, softfail, neutral, none, temperror, permerror),"
          + " the domain's explanation for a fail, the term that decided, the evaluation trace,"
          + " the DNS questions asked and any problems. Every result exits 0: a fail is a finding.%n",
      "Which identity is checked:",
      "  --sender given: a MAIL FROM check of ADDR. An empty sender (--sender ''",
      "    or '<>') is the null reverse-path of a bounce, which is checked as",
      "    postmaster@HELO (RFC 7208 section 2.4): give --helo with it.",
      "  only --helo given: a HELO check of NAME (RFC 7208 section 2.3).",
      "",
      "Batch mode: --batch FILE (- for standard input). Each line is",
      "  IP<TAB>SENDER[<TAB>HELO]",
      "and is a MAIL FROM check (an empty SENDER is the null reverse-path). Blank lines and"
          + " lines starting with '#' are skipped. Prints one JSON object per evaluated line, in"
          + " input order: \"line\" (its 1-based number in the file) and the fields of --json. A"
          + " malformed line (bad IP, not 2 or 3 fields) prints an object with \"error\" and a"
          + " null \"result\", and the batch goes on. Lines are evaluated concurrently; --json is"
          + " implied.%n"
    },
    footer = {
      "",
      "Examples:",
      "  mail-diag spf --ip 192.0.2.25 --sender alice@example.com --helo mx.example.com",
      "  mail-diag spf --ip 192.0.2.25 --sender '' --helo mx.example.com --json",
      "  mail-diag spf --ip 2001:db8::25 --helo mx.example.com --zone example.zone",
      "  mail-diag spf --batch connections.tsv --zone example.zone",
      "  cut -f1-3 log.tsv | mail-diag spf --batch - --server 192.0.2.53"
    })
final class SpfCommand extends MailDiagCommand {

  @Option(names = "--ip", paramLabel = "IP",
      description = "The SMTP client's address (IPv4 or IPv6). Required unless --batch.")
  String ip;

  @Option(names = "--sender", paramLabel = "ADDR",
      description = "The MAIL FROM reverse-path (angle brackets optional); '' or '<>' for a bounce.")
  String sender;

  @Option(names = "--helo", paramLabel = "NAME",
      description = "The HELO/EHLO name. Alone (without --sender): check the HELO identity.")
  String helo;

  @Option(names = "--batch", paramLabel = "FILE",
      description = "Evaluate every line of FILE (- for standard input): IP<TAB>SENDER[<TAB>HELO]."
          + " Prints one JSON object per line.")
  String batch;

  @Mixin
  ResolverOptions resolver;

  /** Where {@code --batch -} reads from; tests replace it. */
  InputStream stdin = System.in;

  @Override
  protected int execute() throws InputException {
    if (batch != null) {
      return batch();
    }
    return single();
  }

  /** {@code spf --ip IP (--sender ADDR | --helo NAME)}: one evaluation, as text or one JSON object. */
  private int single() throws InputException {
    if (ip == null) {
      throw usage("missing option --ip=IP (or use --batch FILE)");
    }
    if (sender == null && helo == null) {
      throw usage("missing option --sender=ADDR (MAIL FROM check) or --helo=NAME (HELO check)");
    }
    IpAddress address = Arguments.ipAddress(ip, this::warn);
    if (sender != null && reversePath(sender).isEmpty() && (helo == null || helo.isBlank())) {
      warn("the null reverse-path (--sender '') is checked as postmaster@HELO; without --helo there is"
          + " no domain to check, so the result is none");
    }
    SpfRequest request = sender != null
        ? SpfRequest.mailFrom(address, reversePath(sender), helo == null ? "" : helo.strip())
        : SpfRequest.helo(address, helo.strip());
    ResolverOptions.Choice choice = resolver.open(this::warn);
    Limits limits = Limits.defaults();
    SpfChecker checker = SpfChecker.builder().resolver(choice.resolver()).limits(limits).build();
    SpfEvaluation evaluation = checker.check(request);
    if (json()) {
      printJson(SpfJson.evaluation(evaluation));
    } else {
      printText(SpfText.evaluation(evaluation, choice.description(), limits));
    }
    return ExitCodes.OK;
  }

  /** {@code spf --batch FILE}: one JSON object per line, in input order. */
  private int batch() throws InputException {
    if (ip != null || sender != null || helo != null) {
      throw usage("--batch cannot be combined with --ip, --sender or --helo (each line gives them)");
    }
    SpfBatch.Input input = SpfBatch.open(batch, stdin);
    ResolverOptions.Choice choice;
    try {
      choice = resolver.open(this::warn);
    } catch (InputException e) {
      input.close();
      throw e;
    }
    SpfChecker checker = SpfChecker.builder().resolver(choice.resolver()).limits(Limits.defaults()).build();
    try (input) {
      new SpfBatch(checker, SpfBatch.DEFAULT_THREADS).run(input, out());
    }
    return ExitCodes.OK;
  }

  /**
   * Returns the reverse-path without surrounding angle brackets and spaces: {@code <a@b>} is
   * {@code a@b}, {@code <>} the empty (null) reverse-path.
   */
  static String reversePath(String text) {
    String s = text.strip();
    if (s.length() >= 2 && s.startsWith("<") && s.endsWith(">")) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
