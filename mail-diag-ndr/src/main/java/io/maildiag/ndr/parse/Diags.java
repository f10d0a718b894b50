package io.maildiag.ndr.parse;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;

/** A bounded collector of diagnostics for one analysis. Not thread-safe; one per analysis. */
final class Diags {
  private final int max;
  private final List<Diagnostic> list = new ArrayList<>();
  private final java.util.Set<String> seen = new java.util.HashSet<>();
  private int dropped;

  Diags(int max) {
    this.max = Math.max(1, max);
  }

  void add(Diagnostic d) {
    if (list.size() < max) {
      list.add(d);
    } else {
      dropped++;
    }
  }

  /** Adds the diagnostic only the first time its code is reported. */
  void once(Diagnostic d) {
    if (seen.add(d.code().value())) {
      add(d);
    }
  }

  void error(DiagnosticCode code, String message) {
    add(Diagnostic.error(code, message));
  }

  void warning(DiagnosticCode code, String message) {
    add(Diagnostic.warning(code, message));
  }

  void info(DiagnosticCode code, String message) {
    add(Diagnostic.info(code, message));
  }

  List<Diagnostic> toList() {
    List<Diagnostic> out = new ArrayList<>(list);
    if (dropped > 0 && !out.isEmpty()) {
      out.set(out.size() - 1, Diagnostic.warning(Codes.DIAGNOSTICS_TRUNCATED,
          dropped + 1 + " more diagnostics were not recorded (limit " + max + ")"));
    }
    return out;
  }
}
