package io.maildiag.headers.antispam;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.headers.HeaderField;
import io.maildiag.headers.HeaderSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The anti-spam verdicts recorded in a message's header: Microsoft 365 ({@code
 * X-Forefront-Antispam-Report}, {@code X-Microsoft-Antispam}, {@code X-MS-Exchange-Organization-SCL})
 * and SpamAssassin ({@code X-Spam-Status}, {@code X-Spam-Score}, {@code X-Spam-Flag}, {@code
 * X-Spam-Level}). Where a header occurs more than once, the topmost (newest) is read.
 *
 * <p>{@link #diagnostics()} holds what could not be read and a summary finding per verdict: {@link
 * AntispamCodes#HEADERS_ANTISPAM_MARKED_SPAM}, {@link AntispamCodes#HEADERS_ANTISPAM_BULK}, {@link
 * AntispamCodes#HEADERS_ANTISPAM_FILTERING_SKIPPED}. These headers are written by whichever system
 * scanned the message and are trivially forged by a sender: trust them only when your own system
 * added them.
 *
 * @param forefront the {@code X-Forefront-Antispam-Report}
 * @param forefrontUntrusted the {@code X-Forefront-Antispam-Report-Untrusted} (another tenant's scan)
 * @param microsoftAntispam the {@code X-Microsoft-Antispam}
 * @param exchangeScl the {@code X-MS-Exchange-Organization-SCL}
 * @param spamAssassin the {@code X-Spam-Status}
 * @param spamScore the {@code X-Spam-Score}
 * @param spamFlag the {@code X-Spam-Flag} ({@code YES} is true)
 * @param spamLevel the {@code X-Spam-Level}: the number of {@code *} (one per point of score)
 * @param diagnostics problems and verdict findings
 * @since 0.1
 */
public record AntispamHeaders(
    Optional<ForefrontAntispamReport> forefront,
    Optional<ForefrontAntispamReport> forefrontUntrusted,
    Optional<MicrosoftAntispam> microsoftAntispam,
    Optional<SpamConfidenceLevel> exchangeScl,
    Optional<SpamAssassinStatus> spamAssassin,
    Optional<Double> spamScore,
    Optional<Boolean> spamFlag,
    OptionalInt spamLevel,
    List<Diagnostic> diagnostics) {

  /** Checks for nulls and copies the diagnostics. */
  public AntispamHeaders {
    Objects.requireNonNull(forefront, "forefront");
    Objects.requireNonNull(forefrontUntrusted, "forefrontUntrusted");
    Objects.requireNonNull(microsoftAntispam, "microsoftAntispam");
    Objects.requireNonNull(exchangeScl, "exchangeScl");
    Objects.requireNonNull(spamAssassin, "spamAssassin");
    Objects.requireNonNull(spamScore, "spamScore");
    Objects.requireNonNull(spamFlag, "spamFlag");
    Objects.requireNonNull(spamLevel, "spamLevel");
    diagnostics = List.copyOf(diagnostics);
  }

  /** Reads the anti-spam headers of {@code headers}. Never throws on bad input. */
  public static AntispamHeaders of(HeaderSection headers) {
    List<Diagnostic> diags = new ArrayList<>();
    Optional<ForefrontAntispamReport> ff = read(headers, "X-Forefront-Antispam-Report", ForefrontAntispamReport::parse, diags);
    Optional<ForefrontAntispamReport> ffu =
        read(headers, "X-Forefront-Antispam-Report-Untrusted", ForefrontAntispamReport::parse, diags);
    Optional<MicrosoftAntispam> ma = read(headers, "X-Microsoft-Antispam", MicrosoftAntispam::parse, diags);
    Optional<SpamConfidenceLevel> scl = headers.first("X-MS-Exchange-Organization-SCL").flatMap(f -> {
      Optional<SpamConfidenceLevel> l =
          ForefrontAntispamReport.level(f.unfoldedValue(), -1, 9).map(SpamConfidenceLevel::new);
      if (l.isEmpty()) {
        diags.add(Diagnostic.warning(AntispamCodes.HEADERS_ANTISPAM_MALFORMED,
            f.name() + " '" + KeyValues.shorten(f.unfoldedValue()) + "' is not a number from -1 to 9").at(f.span()));
      }
      return l;
    });
    Optional<SpamAssassinStatus> sa = read(headers, "X-Spam-Status", SpamAssassinStatus::parse, diags);
    Optional<Double> score = headers.first("X-Spam-Score").flatMap(f -> {
      List<Diagnostic> d = new ArrayList<>();
      Optional<Double> s = SpamAssassinStatus.number(firstWord(f.unfoldedValue()), "X-Spam-Score", d);
      d.forEach(x -> diags.add(x.at(f.span())));
      return s;
    });
    Optional<Boolean> flag = headers.first("X-Spam-Flag").map(f -> f.unfoldedValue().trim().equalsIgnoreCase("yes"));
    OptionalInt level = headers.first("X-Spam-Level").map(f -> {
      int stars = 0;
      for (char c : f.unfoldedValue().toCharArray()) {
        if (c == '*') {
          stars++;
        }
      }
      return OptionalInt.of(stars);
    }).orElse(OptionalInt.empty());
    findings(headers, ff, ma, scl, sa, flag, diags);
    return new AntispamHeaders(ff, ffu, ma, scl, sa, score, flag, level, diags);
  }

  private static String firstWord(String s) {
    String t = s.trim();
    int sp = t.indexOf(' ');
    return sp < 0 ? t : t.substring(0, sp);
  }

  private interface Parser<T> {
    ParseResult<T> parse(String value);
  }

  private static <T> Optional<T> read(HeaderSection headers, String name, Parser<T> parser, List<Diagnostic> diags) {
    Optional<HeaderField> f = headers.first(name);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    ParseResult<T> r = parser.parse(f.get().unfoldedValue());
    for (Diagnostic d : r.diagnostics()) {
      diags.add(d.at(f.get().span()));
    }
    return r.value();
  }

  private static void findings(HeaderSection headers, Optional<ForefrontAntispamReport> ff,
      Optional<MicrosoftAntispam> ma, Optional<SpamConfidenceLevel> scl, Optional<SpamAssassinStatus> sa,
      Optional<Boolean> flag, List<Diagnostic> diags) {
    if (ff.isPresent()) {
      ForefrontAntispamReport r = ff.get();
      HeaderField f = headers.first("X-Forefront-Antispam-Report").orElseThrow();
      if (r.isSpam()) {
        StringBuilder why = new StringBuilder("Microsoft 365 marked the message as ");
        why.append(r.category().filter(ProtectionCategory::isThreat).map(ProtectionCategory::meaning).orElse("spam"));
        r.spamFilterVerdict().ifPresent(v -> why.append("; SFV:").append(v.code()).append(": ").append(v.meaning()));
        r.scl().ifPresent(s -> why.append("; SCL ").append(s.value()));
        diags.add(Diagnostic.warning(AntispamCodes.HEADERS_ANTISPAM_MARKED_SPAM, why.toString())
            .withEvidence(f.unfoldedValue())
            .withReference("Microsoft: Anti-spam message headers in Microsoft 365")
            .at(f.span()));
      }
      boolean skipped = r.spamFilterVerdict().map(SpamFilterVerdict::skippedFiltering).orElse(false)
          || r.ipFilterVerdict().map(v -> v == IpFilterVerdict.CAL).orElse(false)
          || r.scl().map(s -> s.value() == -1).orElse(false);
      if (skipped) {
        diags.add(Diagnostic.info(AntispamCodes.HEADERS_ANTISPAM_FILTERING_SKIPPED,
                "Microsoft 365 skipped spam filtering: "
                    + r.spamFilterVerdict().filter(SpamFilterVerdict::skippedFiltering).map(SpamFilterVerdict::meaning)
                        .orElse(r.ipFilterVerdict().filter(v -> v == IpFilterVerdict.CAL)
                            .map(IpFilterVerdict::meaning).orElse("SCL -1")))
            .withEvidence(f.unfoldedValue())
            .at(f.span()));
      }
      if (r.isBulk()) {
        diags.add(Diagnostic.info(AntispamCodes.HEADERS_ANTISPAM_BULK, "Microsoft 365 identified the message as bulk mail (SRV:BULK)")
            .at(f.span()));
      }
    } else if (scl.isPresent() && scl.get().isSpam()) {
      diags.add(Diagnostic.warning(AntispamCodes.HEADERS_ANTISPAM_MARKED_SPAM,
          "Exchange set SCL " + scl.get().value() + ": " + scl.get().meaning()));
    }
    ma.flatMap(MicrosoftAntispam::bcl).filter(BulkComplaintLevel::isBulkByDefault).ifPresent(b ->
        diags.add(Diagnostic.info(AntispamCodes.HEADERS_ANTISPAM_BULK,
            "bulk complaint level " + b.value() + ": " + b.meaning())));
    boolean saSpam = sa.map(SpamAssassinStatus::isSpam).orElse(false) || flag.orElse(false);
    if (saSpam) {
      StringBuilder why = new StringBuilder("SpamAssassin marked the message as spam");
      sa.flatMap(SpamAssassinStatus::score).ifPresent(s -> why.append(": score ").append(s));
      sa.flatMap(SpamAssassinStatus::required).ifPresent(s -> why.append(", required ").append(s));
      sa.filter(s -> !s.tests().isEmpty()).ifPresent(s -> why.append(", tests ").append(String.join(",", s.testNames())));
      diags.add(Diagnostic.warning(AntispamCodes.HEADERS_ANTISPAM_MARKED_SPAM, why.toString()));
    }
  }

  /** Returns whether any of the verdicts marks the message as spam. */
  public boolean markedAsSpam() {
    return forefront.map(ForefrontAntispamReport::isSpam).orElse(false)
        || exchangeScl.map(SpamConfidenceLevel::isSpam).orElse(false)
        || spamAssassin.map(SpamAssassinStatus::isSpam).orElse(false)
        || spamFlag.orElse(false);
  }
}
