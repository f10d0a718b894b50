package io.maildiag.examples.cli;

import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.RecordingDnsResolver;
import io.maildiag.dns.dmarc.DiscoveryMode;
import io.maildiag.dns.dmarc.DkimOutcome;
import io.maildiag.dns.dmarc.DkimResult;
import io.maildiag.dns.dmarc.DmarcAudit;
import io.maildiag.dns.dmarc.DmarcAuditor;
import io.maildiag.dns.dmarc.DmarcEvaluator;
import io.maildiag.dns.dmarc.DmarcInput;
import io.maildiag.dns.dmarc.DmarcVerdict;
import io.maildiag.dns.dmarc.PublicSuffixList;
import io.maildiag.dns.dmarc.SpfOutcome;
import io.maildiag.dns.spf.SpfResult;
import io.maildiag.examples.render.DmarcJson;
import io.maildiag.examples.render.DmarcText;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code mail-diag dmarc}: audits a domain's DMARC set-up ({@link DmarcAuditor}), or evaluates
 * DMARC for a message from the domain given its SPF and DKIM results ({@link DmarcEvaluator}).
 *
 * <ul>
 *   <li>{@code dmarc DOMAIN [--selector S]...}: the audit;
 *   <li>{@code dmarc DOMAIN [--spf RESULT:DOMAIN] [--dkim RESULT:DOMAIN]... [--verdict]}: the
 *       verdict. Any {@code --spf}/{@code --dkim} (or {@code --verdict}) selects it.
 * </ul>
 *
 * <p>A malformed {@code --spf}/{@code --dkim} value (no colon, unknown result, bad domain name) is
 * a usage error: exit 2. A malformed DOMAIN or an unreadable {@code --psl} file is bad input: exit 1.
 */
@Command(
    name = "dmarc",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Audit a domain's DMARC set-up, or evaluate DMARC for a message given its SPF and DKIM results.",
    customSynopsis = {
      "mail-diag dmarc DOMAIN [--selector=S]... [--psl=FILE] [--mode=tree-walk|psl]",
      "                       [--zone=FILE | --server=HOST[:PORT]] [--timeout=DURATION] [--json]",
      "       mail-diag dmarc DOMAIN [--spf=RESULT:DOMAIN] [--dkim=RESULT:DOMAIN]... [--verdict]",
      "                       [--psl=FILE] [--mode=tree-walk|psl]",
      "                       [--zone=FILE | --server=HOST[:PORT]] [--timeout=DURATION] [--json]"
    },
    description = {
      "%nAudit (DOMAIN alone): the DMARC record that applies to DOMAIN and where it was found, the"
          + " organizational domain and how it was found (RFC 9989 tree walk, or the public suffix"
          + " list with --mode psl), whether the two methods disagree (when --psl is given), and"
          + " findings by severity (code, message, evidence, fix, RFC reference): no record, several"
          + " records, syntax errors with positions, p=none, sp/np weaker than p, no rua, invalid or"
          + " too many report URIs, external report destinations without their authorisation record,"
          + " removed tags (pct, rf, ri, !size), a record at the wrong name, a subdomain inheriting"
          + " p=none, SPF set up so that alignment cannot pass, and DKIM keys at --selector names"
          + " (without one, DKIM alignment is reported as unverifiable).%n",
      "Verdict (--spf and/or --dkim, or --verdict): the DMARC result for a message whose From domain"
          + " is DOMAIN: result (pass, fail, none, temperror, permerror), the policy and the tag it"
          + " came from, the disposition, whether SPF and DKIM aligned, and why. RESULT is an SPF"
          + " result (pass, fail, softfail, neutral, none, temperror, permerror) for --spf, a DKIM"
          + " result (pass, fail, neutral, none, temperror, permerror) for --dkim; DOMAIN is the MAIL"
          + " FROM domain or the DKIM d= domain. --dkim may repeat, one per signature.%n",
      "Both forms exit 0 whatever they find. A malformed RESULT:DOMAIN exits 2 (usage); a malformed"
          + " DOMAIN or an unreadable --psl file exits 1.%n"
    },
    footer = {
      "",
      "Examples:",
      "  mail-diag dmarc example.com",
      "  mail-diag dmarc example.com --zone example.zone --json",
      "  mail-diag dmarc example.com --selector s2026 --psl public_suffix_list.dat",
      "  mail-diag dmarc example.com --spf pass:bounce.example.com --dkim fail:example.com",
      "  mail-diag dmarc shop.example.com --dkim pass:example.com --json"
    })
final class DmarcCommand extends MailDiagCommand {

  @Parameters(index = "0", paramLabel = "DOMAIN",
      description = "The domain to audit, or the From domain of the message to evaluate.")
  String domain;

  @Option(names = "--spf", paramLabel = "RESULT:DOMAIN",
      description = "The message's SPF result and the domain it was for (MAIL FROM or HELO). Selects the verdict.")
  String spf;

  @Option(names = "--dkim", paramLabel = "RESULT:DOMAIN",
      description = "A DKIM signature's result and its d= domain; repeat per signature. Selects the verdict.")
  List<String> dkim;

  @Option(names = "--verdict",
      description = "Evaluate a message even with neither --spf nor --dkim (no authenticated identifier).")
  boolean verdict;

  @Option(names = "--selector", paramLabel = "S",
      description = "Audit: check the DKIM key at S._domainkey.DOMAIN; may repeat.")
  List<String> selectors;

  @Option(names = "--psl", paramLabel = "FILE",
      description = "A public suffix list (public_suffix_list.dat format): enables --mode psl and the"
          + " comparison of the two discovery methods.")
  Path psl;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "How to find the organizational domain: tree-walk (RFC 9989, default) or psl (RFC 7489; needs --psl).")
  String mode;

  @Mixin
  ResolverOptions resolver;

  @Override
  protected int execute() throws InputException {
    DiscoveryMode m = mode();
    boolean verdictForm = verdict || spf != null || dkim != null;
    if (verdictForm && selectors != null) {
      throw usage("--selector belongs to the audit; it cannot be combined with --spf, --dkim or --verdict");
    }
    Optional<SpfOutcome> spfOutcome = spf == null ? Optional.empty() : Optional.of(spfOutcome(spf));
    List<DkimOutcome> dkimOutcomes = new ArrayList<>();
    for (String d : dkim == null ? List.<String>of() : dkim) {
      dkimOutcomes.add(dkimOutcome(d));
    }
    DomainName name = SpfCommand.policyDomain(domain,
        "DMARC policies are published at domain names (give the domain of the From address)", this::warn);
    Optional<PublicSuffixList> list = publicSuffixList();
    if (m == DiscoveryMode.PSL && list.isEmpty()) {
      throw usage("--mode psl needs --psl FILE (a public suffix list)");
    }
    ResolverOptions.Choice choice = resolver.open(this::warn);
    RecordingDnsResolver recorder = RecordingDnsResolver.wrap(choice.resolver());
    Limits limits = Limits.defaults();
    if (verdictForm) {
      DmarcEvaluator.Builder b = DmarcEvaluator.builder().resolver(recorder).mode(m).limits(limits);
      list.ifPresent(b::publicSuffixList);
      DmarcVerdict v = b.build().evaluate(new DmarcInput(name, spfOutcome, dkimOutcomes));
      if (json()) {
        printJson(DmarcJson.verdict(v));
      } else {
        printText(DmarcText.verdict(v, choice.description()));
      }
      return ExitCodes.OK;
    }
    DmarcAuditor.Builder b = DmarcAuditor.builder().resolver(recorder).mode(m).limits(limits);
    list.ifPresent(b::publicSuffixList);
    DmarcAudit a = b.build().audit(name, selectors == null ? List.of() : selectors);
    if (json()) {
      printJson(DmarcJson.audit(a, recorder.queryCount()));
    } else {
      printText(DmarcText.audit(a, choice.description(), recorder.queryCount()));
    }
    return ExitCodes.OK;
  }

  private DiscoveryMode mode() {
    if (mode == null) {
      return DiscoveryMode.TREE_WALK;
    }
    switch (mode.strip().toLowerCase(Locale.ROOT)) {
      case "tree-walk", "tree_walk", "treewalk" -> {
        return DiscoveryMode.TREE_WALK;
      }
      case "psl" -> {
        return DiscoveryMode.PSL;
      }
      default -> throw usage("invalid --mode '" + mode + "': expected tree-walk or psl");
    }
  }

  private Optional<PublicSuffixList> publicSuffixList() throws InputException {
    if (psl == null) {
      return Optional.empty();
    }
    ParseResult<PublicSuffixList> r;
    try {
      // at most PublicSuffixList.MAX_FILE_BYTES read; a larger file is a PSL_TOO_LARGE error
      r = PublicSuffixList.load(psl);
    } catch (CharacterCodingException e) {
      throw new InputException(psl + ": not a public suffix list: the file is not UTF-8 text");
    } catch (IOException e) {
      throw new InputException(psl + ": cannot read the public suffix list: " + e.getMessage());
    }
    if (r.value().isEmpty()) {
      throw InputException.forFile(psl.toString(), r.errors().get(0));
    }
    return r.value();
  }

  private SpfOutcome spfOutcome(String text) {
    String[] parts = split(text, "--spf");
    try {
      return new SpfOutcome(SpfResult.valueOf(parts[0].toUpperCase(Locale.ROOT)), domain(parts[1], "--spf", text));
    } catch (IllegalArgumentException e) {
      throw usage("invalid --spf '" + text + "': unknown SPF result '" + parts[0]
          + "' (expected pass, fail, softfail, neutral, none, temperror or permerror)");
    }
  }

  private DkimOutcome dkimOutcome(String text) {
    String[] parts = split(text, "--dkim");
    try {
      return new DkimOutcome(DkimResult.valueOf(parts[0].toUpperCase(Locale.ROOT)), domain(parts[1], "--dkim", text));
    } catch (IllegalArgumentException e) {
      throw usage("invalid --dkim '" + text + "': unknown DKIM result '" + parts[0]
          + "' (expected pass, fail, neutral, none, temperror or permerror)");
    }
  }

  private String[] split(String text, String option) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw usage("invalid " + option + " '" + text + "': expected RESULT:DOMAIN, such as pass:example.com");
    }
    return new String[] {text.substring(0, colon).strip(), text.substring(colon + 1).strip()};
  }

  private DomainName domain(String text, String option, String whole) {
    ParseResult<DomainName> r = DomainName.parse(text);
    if (r.value().isEmpty() || r.value().get().isRoot()) {
      throw usage("invalid " + option + " '" + whole + "': '" + text + "' is not a domain name"
          + r.errors().stream().findFirst().map(d -> " (" + d.message() + ")").orElse(""));
    }
    return r.value().get();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
