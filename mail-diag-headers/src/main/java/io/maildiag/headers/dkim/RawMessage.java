package io.maildiag.headers.dkim;

import io.maildiag.core.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A message split into header fields (as octets) and body, for signature checks. Bare LF line
 * ends are turned into CRLF first, as a message read from a Unix file has them.
 */
record RawMessage(List<RawField> fields, byte[] body, List<Diagnostic> diagnostics) {

  static RawMessage parse(byte[] input) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    byte[] msg = toCrlf(input);
    if (msg.length != input.length) {
      diagnostics.add(Diagnostic.info(DkimCodes.DKIM_MALFORMED_MESSAGE,
          "bare LF line ends were read as CRLF").withReference("RFC 5322 section 2.1"));
    }
    String text = new String(msg, StandardCharsets.ISO_8859_1);
    List<RawField> fields = new ArrayList<>();
    int pos = 0;
    int n = text.length();
    StringBuilder current = null;
    int lineNo = 0;
    while (pos < n) {
      int eol = text.indexOf("\r\n", pos);
      int lineEnd = eol < 0 ? n : eol;
      String line = text.substring(pos, lineEnd);
      int next = eol < 0 ? n : eol + 2;
      lineNo++;
      if (line.isEmpty()) {
        pos = next;
        break;
      }
      char first = line.charAt(0);
      if (first == ' ' || first == '\t') {
        if (current != null) {
          current.append("\r\n").append(line);
        } else {
          diagnostics.add(Diagnostic.warning(DkimCodes.DKIM_MALFORMED_MESSAGE,
              "line " + lineNo + " continues a field but no field precedes it"));
        }
      } else {
        if (current != null) {
          fields.add(RawField.of(current.toString()));
          current = null;
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || !DkimSignature.isFieldName(line.substring(0, colon).stripTrailing())) {
          if (!(lineNo == 1 && line.startsWith("From "))) {
            diagnostics.add(Diagnostic.warning(DkimCodes.DKIM_MALFORMED_MESSAGE,
                "line " + lineNo + " of the header is not a field and was skipped"));
          }
        } else {
          current = new StringBuilder(line);
        }
      }
      pos = next;
      if (eol < 0) {
        break;
      }
    }
    if (current != null) {
      fields.add(RawField.of(current.toString()));
    }
    byte[] body = new byte[Math.max(0, msg.length - pos)];
    System.arraycopy(msg, Math.min(pos, msg.length), body, 0, body.length);
    return new RawMessage(fields, body, diagnostics);
  }

  /** Returns the message with every LF not preceded by CR turned into CRLF; the input if there is none. */
  static byte[] toCrlf(byte[] in) {
    boolean bare = false;
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
        bare = true;
        break;
      }
    }
    if (!bare) {
      return in;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 20);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
        out.write('\r');
      }
      out.write(in[i]);
    }
    return out.toByteArray();
  }
}
