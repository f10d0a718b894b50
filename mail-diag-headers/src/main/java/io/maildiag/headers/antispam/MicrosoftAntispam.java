package io.maildiag.headers.antispam;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.internal.UpperCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Microsoft's {@code X-Microsoft-Antispam} header: {@code KEY:value;} items, of which the bulk
 * complaint level ({@code BCL}) is documented; the others ({@code PCL}, {@code RULEID}, {@code ARA}
 * ...) are kept as written.
 *
 * @param fields every item, keys upper-cased, values as written, in order
 * @since 0.1
 */
public record MicrosoftAntispam(Map<String, String> fields) {

  /** Copies the fields, keeping their order. */
  public MicrosoftAntispam {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
  }

  /** Parses the header value. Never throws on bad input. */
  public static ParseResult<MicrosoftAntispam> parse(String value) {
    List<Diagnostic> diags = new ArrayList<>();
    MicrosoftAntispam m = new MicrosoftAntispam(KeyValues.parse(value, "X-Microsoft-Antispam", diags));
    m.get("BCL").filter(v -> !v.isEmpty() && ForefrontAntispamReport.level(v, 0, 9).isEmpty())
        .ifPresent(v -> diags.add(Diagnostic.warning(AntispamCodes.HEADERS_ANTISPAM_MALFORMED,
            "X-Microsoft-Antispam: BCL '" + KeyValues.shorten(v) + "' is not a number from 0 to 9")));
    return ParseResult.success(m, diags);
  }

  /** Returns the value of {@code key} (case-insensitive). */
  public Optional<String> get(String key) {
    return Optional.ofNullable(fields.get(UpperCase.root(key)));
  }

  /** Returns {@code BCL}: the bulk complaint level. */
  public Optional<BulkComplaintLevel> bcl() {
    return get("BCL").flatMap(v -> ForefrontAntispamReport.level(v, 0, 9)).map(BulkComplaintLevel::new);
  }
}
