package io.maildiag.headers.dkim;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.internal.LowerCase;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.TxtRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fetches key records at {@code <selector>._domainkey.<domain>}, each name once per instance. */
final class KeyFetcher {

  /** A key record, or why there is none. */
  record Fetched(@org.jspecify.annotations.Nullable DkimKeyRecord record,
      @org.jspecify.annotations.Nullable DkimFailure failure) {}

  private final DnsResolver resolver;
  private final Map<String, Fetched> cache = new HashMap<>();

  KeyFetcher(DnsResolver resolver) {
    this.resolver = resolver;
  }

  Fetched fetch(DomainName domain, String selector) {
    String key = LowerCase.root(selector) + "/" + domain;
    return cache.computeIfAbsent(key, k -> lookup(domain, selector));
  }

  private Fetched lookup(DomainName domain, String selector) {
    ParseResult<DomainName> pn = domain.resolve(selector + "._domainkey");
    if (pn.value().isEmpty()) {
      return new Fetched(null, new DkimFailure(DkimFailureReason.KEY_NOT_FOUND,
          "the key name " + selector + "._domainkey." + domain + " is not a valid domain name"));
    }
    DomainName name = pn.value().get();
    DnsOutcome outcome = resolver.lookup(name, RecordType.TXT);
    if (outcome.isFailure()) {
      return new Fetched(null, new DkimFailure(DkimFailureReason.KEY_LOOKUP_TEMPERROR,
          "TXT lookup of " + name + " failed: " + outcome.kind().jsonName()
              + outcome.failureDetail().map(d -> " (" + d + ")").orElse("")));
    }
    if (outcome.isVoid()) {
      return new Fetched(null, new DkimFailure(DkimFailureReason.KEY_NOT_FOUND,
          "no key record at " + name + " (" + outcome.kind().jsonName() + ")"));
    }
    List<TxtRecord> txts = outcome.records(TxtRecord.class);
    if (txts.isEmpty()) {
      return new Fetched(null, new DkimFailure(DkimFailureReason.KEY_NOT_FOUND, "no TXT record at " + name));
    }
    String firstProblem = null;
    for (TxtRecord txt : txts) {
      ParseResult<DkimKeyRecord> r = DkimKeyRecord.parse(txt.text());
      if (r.value().isPresent()) {
        return new Fetched(r.value().get(), null);
      }
      if (firstProblem == null) {
        firstProblem = r.errors().stream().findFirst().map(Diagnostic::message).orElse("invalid key record");
      }
    }
    return new Fetched(null, new DkimFailure(DkimFailureReason.KEY_SYNTAX_ERROR,
        "the key record at " + name + " is invalid: " + firstProblem));
  }
}
