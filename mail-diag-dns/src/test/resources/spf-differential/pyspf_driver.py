"""Runs pyspf (Debian's python3-spf) on SPF cases read as JSON lines, for SpfDifferentialTest.

Each input line is one case:
  {"index": 0, "zone": {name: [[type, value], ...]}, "ip": "...", "sender": "...", "helo": "...",
   "receiver": "...", "t": 1700000000, "expect": {"result": "...", "explanation": ...}}
with record values A/AAAA/PTR/CNAME: a string; MX: [preference, exchange]; TXT: [strings].
Each output line is
  {"result": "...", "explanation": "..." or null}
(null: no explanation, or pyspf's default one; {"result": "exception", ...} if pyspf crashed).
When that disagrees with "expect" (mail-diag's outcome) and pyspf with some of the PATCHES below
applied agrees, the line also holds "documented": the patch names joined by "+" (one patch if one
suffices, else an irreducible set), and "patched_result" and "patched_explanation"; the Java side
checks them again.

The DNS is in memory, with the semantics of mail-diag's InMemoryDnsResolver: a name absent from
the zone is NXDOMAIN and a name present without the asked type is NODATA (pyspf sees both as an
empty answer, which is a void lookup); CNAMEs are followed within the zone, a loop or a chain
longer than the limit given as argv[1] is a DNS failure (SERVFAIL, spf.TempError). Answers are
keyed by the name asked, as pyspf's dnspython driver returns them.
"""
import contextlib
import ipaddress
import json
import sys

import spf

MAX_CNAME_CHAIN = int(sys.argv[1]) if len(sys.argv) > 1 else 8
DEFAULT_EXPLANATION = '\x00pyspf-default-explanation'
OLD_RESULTS = {'unknown': 'permerror', 'error': 'temperror'}  # as testspf.py maps them

ZONE = {}


def load_zone(data):
    zone = {}
    for name, rrs in data.items():
        node = zone.setdefault(name.lower().rstrip('.'), [])
        for rr in rrs:
            entry = (rr[0], rr[1] if not isinstance(rr[1], list) else tuple(rr[1]))
            if entry not in node:  # the Java store drops duplicate records too
                node.append(entry)
    return zone


def convert(qtype, value):
    if qtype == 'MX':
        return (value[0], value[1])
    if qtype in ('TXT', 'SPF'):
        return [s.encode('utf-8') for s in value]
    return value


def dns_lookup(name, qtype, strict=True, timeout=None):
    asked = name.lower().rstrip('.')
    current = asked
    seen = set()
    chain = 0
    while True:
        seen.add(current)
        node = ZONE.get(current)
        if node is None:
            return []  # NXDOMAIN, or NODATA for an empty non-terminal: both void to pyspf
        cnames = [v for t, v in node if t == 'CNAME']
        if cnames and qtype != 'CNAME':
            target = cnames[0].lower().rstrip('.')
            chain += 1
            if target in seen:
                raise spf.TempError('DNS SERVFAIL: CNAME loop at ' + target)
            if chain > MAX_CNAME_CHAIN:
                raise spf.TempError('DNS SERVFAIL: CNAME chain longer than %d' % MAX_CNAME_CHAIN)
            current = target
            continue
        return [((asked, qtype), convert(qtype, v)) for t, v in node if t == qtype]


spf.DNSLookup = dns_lookup


# ------------------------------------------------------------------------------------------------
# Patches: each removes one documented way in which pyspf departs from RFC 7208 or from a choice
# mail-diag documents (io/maildiag/dns/spf/package-info.java), to attribute divergences. They are
# applied only to explain a case that stock pyspf already decided differently.

@contextlib.contextmanager
def patched(obj, name, value):
    saved = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, saved)


@contextlib.contextmanager
def void_per_term():
    """RFC 7208 section 4.6.4 limits the "terms" whose DNS queries return no answer; pyspf counts
    every void DNS query (the hosts of one mx, the names of one ptr, a name asked again). Each
    DNS-querying term starts with check_lookups(); count at most one void lookup per term."""
    check_lookups = spf.query.check_lookups
    dns = spf.query.dns

    def counting_check_lookups(self):
        self._term = getattr(self, '_term', 0) + 1
        return check_lookups(self)

    def counting_dns(self, name, qtype, cnames=None, ignore_void=False):
        term = getattr(self, '_term', 0)
        if getattr(self, '_voided', None) == term:
            ignore_void = True
        before = self.void_lookups
        result = dns(self, name, qtype, cnames, ignore_void)
        if self.void_lookups > before:
            self._voided = term
        return result

    with patched(spf.query, 'check_lookups', counting_check_lookups), \
            patched(spf.query, 'dns', counting_dns):
        yield


@contextlib.contextmanager
def mx_first_match():
    """RFC 7208 section 5.4: the mx mechanism matches if any address of its hosts matches; it
    does not order the address lookups. pyspf looks up every host's addresses before comparing;
    mail-diag compares host by host in preference order and stops at the first match, so lookups
    (and void answers) after the match never happen. Make pyspf's mx lazy in the same order."""

    def lazy_dns_mx(self, domainname):
        mxnames = self.dns(domainname, 'MX')
        if len(mxnames) > spf.MAX_MX:
            raise spf.PermError('More than %d MX records returned' % spf.MAX_MX)
        mxnames.sort(key=lambda mx: mx[0])
        return (a for mx in mxnames for a in self.dns_a(mx[1], self.A))

    def lazy_cidrmatch(self, ipaddrs, n):
        for ip in ipaddrs:
            try:
                network = ipaddress.ip_network(ip).supernet(new_prefix=n)
            except ValueError as x:
                raise spf.PermError(str(x))
            if self.ipaddr in network:
                return True
        return False

    with patched(spf.query, 'dns_mx', lazy_dns_mx), patched(spf.query, 'cidrmatch', lazy_cidrmatch):
        yield


@contextlib.contextmanager
def include_loop_when_evaluated():
    """pyspf validates every mechanism, macros expanded, before evaluating any, and rejects an
    include of the current domain then. It is no syntax error (RFC 7208 section 4.6 only makes
    syntax errors fatal before evaluation; mechanisms are evaluated in order and the first match
    ends the evaluation, section 4.6.2), so it matters only if the include is reached (section
    5.2): keep it as an include, whose recursion then ends in a permerror at the lookup limit."""
    validate = spf.query.validate_mechanism

    def lazy_validate(self, mech):
        try:
            return validate(self, mech)
        except spf.PermError as e:
            if e.msg != 'include has trivial recursion':
                raise
            result = spf.RESULTS.get(mech[0]) if mech[0] in '+-?~' else 'pass'
            return mech, 'include', self.d, self.cidrmax, result

    with patched(spf.query, 'validate_mechanism', lazy_validate):
        yield


@contextlib.contextmanager
def modifier_names_case_insensitive():
    """RFC 7208 section 4.6.1: mechanism and modifier names are case-insensitive. pyspf lowers
    mechanism names but compares modifier names as written, so REDIRECT= or Exp= is an unknown
    modifier to it. Lower the modifier names of each record before pyspf reads it."""
    check0 = spf.query.check0

    def lowering_check0(self, record, recursion):
        if record:
            terms = []
            for term in record.split(' '):
                m = spf.RE_MODIFIER.match(term)
                terms.append(m.group(1).lower() + term[m.end(1):] if m else term)
            record = ' '.join(terms)
        return check0(self, record, recursion)

    with patched(spf.query, 'check0', lowering_check0):
        yield


@contextlib.contextmanager
def ptr_skips_dns_errors():
    """RFC 7208 section 5.5: "If a DNS error occurs while doing an A RR lookup, then that domain
    name is skipped and the search continues" (and an error on the PTR lookup makes the mechanism
    not match); section 7.3 gives %{p} the value "unknown" on a DNS error. pyspf lets the error
    end the evaluation with temperror. Skip the name (the PTR list stays cut at 10, section 4.6.4)."""

    def skipping_validated_ptrs(self):
        try:
            names = self.dns_ptr(self.i)[:spf.MAX_PTR]
        except spf.TempError:
            return []
        validated = []
        for name in names:
            try:
                if self.cidrmatch(self.dns_a(name, self.A), self.cidrmax):
                    validated.append(name)
            except spf.TempError:
                continue
        return validated

    with patched(spf.query, 'validated_ptrs', skipping_validated_ptrs):
        yield


@contextlib.contextmanager
def explanation_after_evaluation():
    """RFC 7208 section 4.6.4: exp= causes a lookup only after the evaluation ("at a later
    time") and does not count towards the limits; section 6.2 computes the explanation of a fail.
    pyspf fetches and expands the exp= text of every record while parsing it, and the lookups of
    a %{p} in that text count as void lookups. Make lookups done for an explanation count nothing."""
    get_explanation = spf.query.get_explanation
    dns = spf.query.dns

    def quiet_get_explanation(self, spec):
        self._explaining = True
        try:
            return get_explanation(self, spec)
        finally:
            self._explaining = False

    def quiet_dns(self, name, qtype, cnames=None, ignore_void=False):
        return dns(self, name, qtype, cnames, ignore_void or getattr(self, '_explaining', False))

    with patched(spf.query, 'get_explanation', quiet_get_explanation), patched(spf.query, 'dns', quiet_dns):
        yield


@contextlib.contextmanager
def truncation_by_labels():
    """RFC 7208 section 7.3: an expanded domain name longer than 253 characters is truncated
    "by removing successive domain labels" until it fits. pyspf removes one label only, so it
    looks up a name that is still too long, and cuts explanation texts too, which are no domain
    names. This is pyspf's query.expand with only the truncation changed."""

    def expand(self, s, stripdot=True):
        if s.find('%') >= 0:
            for label in s.split('.'):
                if spf.RE_INVALID_MACRO.search(s):
                    raise spf.PermError('invalid-macro-char ', label)
        end = 0
        result = ''
        for i in spf.RE_CHAR.finditer(s):
            result += s[end:i.start()]
            macro = s[i.start():i.end()]
            if macro == '%%':
                result += '%'
            elif macro == '%_':
                result += ' '
            elif macro == '%-':
                result += '%20'
            else:
                letter = macro[2].lower()
                if letter == 'p':
                    self.getp()
                elif letter in 'crt' and stripdot:
                    raise spf.PermError('c,r,t macros allowed in exp= text only', macro)
                expansion = getattr(self, letter, self)
                if expansion:
                    if expansion == self:
                        raise spf.PermError('Unknown Macro Encountered', macro)
                    e = spf.expand_one(expansion, macro[3:-1], spf.JOINERS.get(letter))
                    if letter != macro[2]:
                        e = spf.urllibparse.quote(e, '~')
                    result += e
            end = i.end()
        result += s[end:]
        if stripdot:
            if result.endswith('.'):
                result = result[:-1]
            while len(result) > 253 and '.' in result:
                result = result[result.index('.') + 1:]
        return result

    with patched(spf.query, 'expand', expand):
        yield


P_PLACEHOLDER = 'pmacro-expanded-when-looked-up'


@contextlib.contextmanager
def p_macro_when_evaluated():
    """RFC 7208 sections 4.6.2 and 5: a mechanism's domain-spec is expanded when the mechanism
    is evaluated, in order; section 7.3: %{p} is a validated name of the client, preferably the
    current <domain> or one below it. pyspf expands the domain-specs of all mechanisms while
    validating the record, so the PTR and address lookups of %{p} (void ones counted) happen
    before any term, even one never reached; and it keeps the first %{p} value for every domain.
    Expand a plain %{p} in a mechanism when its name is looked up, and %{p} anew each time."""
    validate = spf.query.validate_mechanism
    getp = spf.query.getp
    dns = spf.query.dns

    def fresh_getp(self):
        if getattr(self, '_validating', False):
            self.p = P_PLACEHOLDER
            return self.p
        self.p = None
        return getp(self)

    def deferring_validate(self, mech):
        self._validating = True
        try:
            return validate(self, mech)
        finally:
            self._validating = False
            self.p = None

    def resolving_dns(self, name, qtype, cnames=None, ignore_void=False):
        if P_PLACEHOLDER in name:
            name = name.replace(P_PLACEHOLDER, self.getp())
        return dns(self, name, qtype, cnames, ignore_void)

    with patched(spf.query, 'getp', fresh_getp), patched(spf.query, 'validate_mechanism', deferring_validate), \
            patched(spf.query, 'dns', resolving_dns):
        yield


@contextlib.contextmanager
def macro_digit_zero_is_error():
    """RFC 7208 section 7.1: "If a DIGIT is specified, the value MUST be nonzero." pyspf accepts
    %{d0} and expands it to the parts after the first one. Make it an invalid macro."""
    expand_one = spf.expand_one

    def strict_expand_one(expansion, transformers, joiner):
        if transformers:
            digits = spf.RE_ARGS.split(transformers)[1]
            if digits and int(digits) == 0:
                raise spf.PermError('macro transformer 0 keeps nothing', transformers)
        return expand_one(expansion, transformers, joiner)

    with patched(spf, 'expand_one', strict_expand_one):
        yield


EMPTY_EXPLANATION = '\x00empty-explanation'


@contextlib.contextmanager
def empty_explanation():
    """RFC 7208 section 6.2: the explanation is the expanded TXT record; an empty one is a valid
    explanation-string (none of the cases that make exp= ignored). pyspf ignores it."""
    get_explanation = spf.query.get_explanation

    def keeping_get_explanation(self, spec):
        exp = get_explanation(self, spec)
        return EMPTY_EXPLANATION if exp == '' else exp

    with patched(spf.query, 'get_explanation', keeping_get_explanation):
        yield


CHECK0 = spf.query.check0.__code__


def check0_frame():
    """The frame of pyspf's query.check0 that called into this driver, if any."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back
    return frame if frame is not None and frame.f_code is CHECK0 else None


@contextlib.contextmanager
def redirect_counted_when_followed():
    """RFC 7208 section 4.6.4 counts the redirect modifier among the terms that cause DNS
    lookups during evaluation, and section 6.1 follows it only when no mechanism matched. pyspf
    counts it while reading the record, before any mechanism, so a record with 10 counted
    mechanisms and a redirect it never follows passes the limit. Count it when it is followed.
    pyspf has no hook for either moment; check0's frame tells them apart: while it reads the
    terms, its local m is the list RE_MODIFIER.split returned, and it follows a redirect by
    calling check1 at its own recursion level (an include calls it one level deeper)."""
    check_lookups = spf.query.check_lookups
    check1 = spf.query.check1

    def deferring_check_lookups(self):
        frame = check0_frame()
        if frame is not None and isinstance(frame.f_locals.get('m'), list):
            return None  # the redirect modifier, read but not followed yet
        return check_lookups(self)

    def counting_check1(self, record, domain, recursion):
        frame = check0_frame()
        if frame is not None and frame.f_locals.get('recursion') == recursion:
            check_lookups(self)  # the redirect, followed now
        return check1(self, record, domain, recursion)

    with patched(spf.query, 'check_lookups', deferring_check_lookups), \
            patched(spf.query, 'check1', counting_check1):
        yield


@contextlib.contextmanager
def invalid_target_is_permerror():
    """A target-name that is a valid domain-spec but no valid domain name (an empty label, a
    label over 63 octets) is undefined in RFC 7208 (the openspf suite's invalid-domain-empty-label
    accepts fail or permerror); mail-diag documents permerror (package-info), pyspf looks nothing
    up and counts a void lookup. Make pyspf's lookup of such a name a permerror."""
    dns = spf.query.dns

    def checking_dns(self, name, qtype, cnames=None, ignore_void=False):
        labels = str(name).rstrip('.').split('.')
        if not all(0 < len(label) < 64 for label in labels):
            raise spf.PermError('invalid domain name', name)
        return dns(self, name, qtype, cnames, ignore_void)

    with patched(spf.query, 'dns', checking_dns):
        yield


@contextlib.contextmanager
def p_macro_case_insensitive():
    """RFC 7208 section 7.3: %{p} prefers a validated name equal to or below <domain>; domain
    names compare case-insensitively (RFC 4343). pyspf compares them as written, so for a sender
    domain written in capitals it falls back to the first validated name."""
    getp = spf.query.getp

    def folding_getp(self):
        d = self.d
        self.d = d.lower()
        try:
            return getp(self)
        finally:
            self.d = d

    with patched(spf.query, 'getp', folding_getp):
        yield


@contextlib.contextmanager
def macro_parts_joined_by_dots():
    """RFC 7208 section 7.3: the parts of a split macro value are "rejoined using "." and not the
    original splitting characters". pyspf rejoins with dots for l and s only; %{h-} of
    mail-h2.example stays mail-h2.example instead of mail.h2.example."""
    with patched(spf, 'JOINERS', {letter: '.' for letter in 'slodiphvcrt'}):
        yield


SENDER_WITHOUT_LOCAL_PART = 'sender-without-local-part'
SENDER_DOMAIN_TRAILING_DOT = 'sender-domain-trailing-dot'


PATCHES = {
    'void-lookups-per-term': void_per_term,
    'mx-stops-at-first-match': mx_first_match,
    'include-loop-when-evaluated': include_loop_when_evaluated,
    'modifier-names-case-insensitive': modifier_names_case_insensitive,
    'ptr-skips-dns-errors': ptr_skips_dns_errors,
    'explanation-after-evaluation': explanation_after_evaluation,
    'p-macro-when-evaluated': p_macro_when_evaluated,
    'truncation-by-labels': truncation_by_labels,
    'macro-digit-zero-is-error': macro_digit_zero_is_error,
    'empty-explanation': empty_explanation,
    'redirect-counted-when-followed': redirect_counted_when_followed,
    'invalid-target-is-permerror': invalid_target_is_permerror,
    'p-macro-case-insensitive': p_macro_case_insensitive,
    'macro-parts-joined-by-dots': macro_parts_joined_by_dots,
    # RFC 7208 section 4.3: a sender without a local part gets "postmaster"; section 7.2: %{s}
    # is that <sender>. pyspf keeps the raw sender for %{s} (it substitutes only %{l}).
    SENDER_WITHOUT_LOCAL_PART: None,
    # RFC 7208 section 4.3: only a zero-length label that is not at the end makes the <domain>
    # malformed; user@example.com. is checked like user@example.com. pyspf returns none.
    SENDER_DOMAIN_TRAILING_DOT: None,
}


def run(case, patches=()):
    global ZONE
    ZONE = load_zone(case['zone'])
    with contextlib.ExitStack() as stack:
        for name in patches:
            if PATCHES[name] is not None:
                stack.enter_context(PATCHES[name]())
        sender = case['sender']
        if SENDER_DOMAIN_TRAILING_DOT in patches and sender.endswith('.'):
            sender = sender[:-1]
        q = spf.query(i=case['ip'], s=sender, h=case['helo'],
                      receiver=case.get('receiver'), strict=True)
        if SENDER_WITHOUT_LOCAL_PART in patches and case['sender']:
            q.s = q.l + '@' + q.o
        if 't' in case:
            q.t = str(case['t'])
        q.set_default_explanation(DEFAULT_EXPLANATION)
        res, _, exp = q.check()
    res = OLD_RESULTS.get(res, res)
    if exp == EMPTY_EXPLANATION:
        exp = ''
    elif exp == DEFAULT_EXPLANATION or exp == spf.EXPLANATIONS.get(res):
        exp = None
    return {'result': res, 'explanation': exp}


def agrees(a, b):
    """The comparison of SpfDifferentialTest: results equal, and explanations too on a fail (pyspf
    also returns the exp= text for softfail and its messages for errors; RFC 7208 section 6.2
    gives an explanation to a fail only)."""
    return a['result'] == b['result'] and (a['result'] != 'fail' or a['explanation'] == b['explanation'])


# How many more searches may end without an explanation: a search costs up to about 30 runs,
# and when mail-diag is badly broken every case diverges.
SEARCH_BUDGET = [300]


def attempt(case, patches):
    try:
        return run(case, patches)
    except Exception:
        return None


def explain(case, stock):
    """Attributes a divergence to documented differences: one patch alone if one suffices,
    else all patches, reduced by dropping each one whose removal keeps the agreement."""
    expect = case.get('expect')
    if expect is None or agrees(stock, expect) or SEARCH_BUDGET[0] <= 0:
        return stock
    names = list(PATCHES)
    chosen, out = None, None
    for name in names:
        trial = attempt(case, (name,))
        if trial is not None and agrees(trial, expect):
            chosen, out = [name], trial
            break
    if chosen is None:
        trial = attempt(case, names)
        if trial is None or not agrees(trial, expect):
            SEARCH_BUDGET[0] -= 1
            return stock
        chosen, out = list(names), trial
        for name in names:
            reduced = [n for n in chosen if n != name]
            trial = attempt(case, reduced)
            if trial is not None and agrees(trial, expect):
                chosen, out = reduced, trial
    return dict(stock, documented='+'.join(chosen), patched_result=out['result'],
                patched_explanation=out['explanation'])


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            case = json.loads(line)
            out = explain(case, run(case))
        except Exception as e:  # a crash of pyspf is reported, not fatal to the run
            out = {'result': 'exception', 'explanation': '%s: %s' % (type(e).__name__, e)}
        sys.stdout.write(json.dumps(out) + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
