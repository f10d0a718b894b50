package io.maildiag.examples.cli;

import io.maildiag.core.Limits;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.RecordingDnsResolver;
import io.maildiag.dns.spf.SpfAudit;
import io.maildiag.dns.spf.SpfAuditor;
import io.maildiag.dns.spf.SpfChecker;
import io.maildiag.dns.spf.SpfEvaluation;
import io.maildiag.dns.spf.SpfRequest;
import io.maildiag.examples.render.SpfJson;
import io.maildiag.examples.render.SpfText;
import io.maildiag.examples.render.Text;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code mail-diag spf}: evaluates SPF (RFC 7208 {@code check_host()}) for one request given as
 * options, or for many read from a batch file, or audits a domain's SPF policy.
 *
 * <p>The modes are chosen in {@link #execute()} from the arguments given; each has its own method:
 *
 * <ul>
 *   <li>{@code spf DOMAIN [--record STRING]...}: the audit of the domain's published record, or of
 *       a proposed one ({@link #audit()}, with {@link SpfAuditor});
 *   <li>{@code spf --batch FILE}: one evaluation per line ({@link #batch()});
 *   <li>{@code spf --ip IP (--sender ADDR | --helo NAME)}: one evaluation ({@link #single()}).
 * </ul>
 *
 * <p>A positional DOMAIN selects the audit; combining it with the options of the other modes, or
 * giving {@code --record} without it, is a usage error.
 */
@Command(
    name = "spf",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Evaluate SPF (RFC 7208) for a client IP and a sender or HELO name, one or in batch,"
        + " or audit a domain's SPF policy.",
    customSynopsis = {
      "mail-diag spf --ip=IP (--sender=ADDR [--helo=NAME] | --helo=NAME)",
      "                     [--zone=FILE | --server=HOST[:PORT]] [--timeout=DURATION]",
      "                     [--json]",
      "       mail-diag spf --batch=FILE|- [--zone=FILE | --server=HOST[:PORT]]",
      "                     [--timeout=DURATION]",
      "       mail-diag spf DOMAIN [--record=STRING]... [--json]",
      "                     [--zone=FILE | --server=HOST[:PORT]] [--timeout=DURATION]"
    },
    description = {
      "%nEvaluation (--ip, or --batch) shows the result (pass, fail, softfail, neutral, none,"
          + " temperror, permerror), the domain's explanation for a fail, the term that decided, the"
          + " evaluation trace, the DNS questions asked and any problems. Every result exits 0: a fail"
          + " is a finding.%n",
      "Audit (DOMAIN): checks the SPF policy DOMAIN publishes, for its owner: the record, the"
          + " findings by severity (code, message, evidence, fix, RFC reference), the worst-case"
          + " count of DNS-querying terms (limit 10) and void lookups (limit 2) across the whole"
          + " include/redirect tree, the tree itself, the networks the policy authorises, and a"
          + " flattened replacement when it needs more than 10 lookups. With --record, audits a"
          + " proposed record instead of the published one (what-if): each --record is one TXT"
          + " character-string, and the strings are joined without spaces as receivers join them;"
          + " includes are resolved through --zone/--server as usual. An audit exits 0 whatever it"
          + " finds; a malformed DOMAIN exits 1. DOMAIN cannot be combined with --ip, --sender,"
          + " --helo or --batch.%n",
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
      "  cut -f1-3 log.tsv | mail-diag spf --batch - --server 192.0.2.53",
      "  mail-diag spf example.com",
      "  mail-diag spf example.com --zone example.zone --json",
      "  mail-diag spf example.com --record 'v=spf1 mx include:_spf.example.net -all'"
    })
final class SpfCommand extends MailDiagCommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "DOMAIN",
      description = "Audit the SPF policy of this domain instead of evaluating a message.")
  String domain;

  @Option(names = "--record", paramLabel = "STRING",
      description = "With DOMAIN: audit this proposed record instead of the published one (what-if)."
          + " Repeat it for a record of several TXT character-strings; they are joined without spaces.")
  List<String> record;

  @Option(names = "--ip", paramLabel = "IP",
      description = "The SMTP client's address (IPv4 or IPv6). Required unless --batch or DOMAIN.")
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
    if (domain != null) {
      return audit();
    }
    if (record != null) {
      throw usage("--record needs DOMAIN: mail-diag spf DOMAIN --record 'v=spf1 ...'");
    }
    if (batch != null) {
      return batch();
    }
    return single();
  }

  /**
   * {@code spf DOMAIN [--record STRING]...}: the audit of the published record, or of a proposed
   * one, as text or one JSON object. Exits 0 whatever the audit finds.
   */
  private int audit() throws InputException {
    List<String> others = new ArrayList<>();
    if (ip != null) {
      others.add("--ip");
    }
    if (sender != null) {
      others.add("--sender");
    }
    if (helo != null) {
      others.add("--helo");
    }
    if (batch != null) {
      others.add("--batch");
    }
    if (!others.isEmpty()) {
      throw usage("DOMAIN (an audit) cannot be combined with " + String.join(", ", others)
          + ": use 'spf DOMAIN' to audit a policy, or 'spf --ip IP --sender ADDR' to evaluate a message");
    }
    DomainName name = auditedDomain(domain, this::warn);
    ResolverOptions.Choice choice = resolver.open(this::warn);
    Limits limits = Limits.defaults();
    RecordingDnsResolver recorder = RecordingDnsResolver.wrap(choice.resolver());
    SpfAuditor auditor = SpfAuditor.builder().resolver(recorder).limits(limits).build();
    SpfAudit audit = record == null ? auditor.audit(name) : auditor.auditProposed(name, record);
    int questions = recorder.queryCount();
    if (json()) {
      printJson(SpfJson.audit(audit, limits, questions));
    } else {
      printText(SpfText.audit(audit, choice.description(), limits, questions));
    }
    return ExitCodes.OK;
  }

  /** {@code spf --ip IP (--sender ADDR | --helo NAME)}: one evaluation, as text or one JSON object. */
  private int single() throws InputException {
    if (ip == null) {
      throw usage("missing option --ip=IP (or use --batch FILE, or give a DOMAIN to audit its SPF policy)");
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
   * Parses the DOMAIN of an audit. Beyond what {@link DomainName#parse} refuses, it refuses what DNS
   * would accept but is surely a mistake here: a mail address, an IP address, white space, the root.
   *
   * @throws InputException if it is not a domain name an SPF policy can be published at
   */
  static DomainName auditedDomain(String text, Consumer<String> warnings) throws InputException {
    return policyDomain(text, "SPF policies are published at domain names"
        + " (to evaluate a client address, use --ip with --sender or --helo)", warnings);
  }

  /**
   * {@link #auditedDomain}, with {@code ipAddress} saying what to do instead when the text is an IP
   * address.
   */
  static DomainName policyDomain(String text, String ipAddress, Consumer<String> warnings) throws InputException {
    String s = text.strip();
    String where = "invalid domain name " + Text.quoted(s).replace('"', '\'') + ": ";
    int at = s.lastIndexOf('@');
    if (at >= 0) {
      throw new InputException(where + "a mail address; give its domain"
          + (at + 1 < s.length() ? " (" + s.substring(at + 1) + ")" : ""));
    }
    if (IpAddress.parse(s).value().isPresent()) {
      throw new InputException(where + "an IP address; " + ipAddress);
    }
    if (s.chars().anyMatch(Character::isWhitespace)) {
      throw new InputException(where + "white space inside a domain name");
    }
    DomainName name = Arguments.domainName(s, warnings);
    if (name.isRoot()) {
      throw new InputException(where + "the root has no SPF policy");
    }
    return name;
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
