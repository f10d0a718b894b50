package io.maildiag.headers.mail;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.headers.HeaderCodes;
import io.maildiag.headers.HeaderSection;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimePart;
import java.util.Enumeration;
import java.util.Objects;

/**
 * Reads the header of a Jakarta Mail {@link Part} (a {@link jakarta.mail.internet.MimeMessage} or
 * a body part) into a {@link HeaderSection}: the one place where Jakarta Mail types meet mail-diag.
 *
 * <p>For a {@link MimePart} the header lines are taken as Jakarta Mail stored them (with their
 * folding); for other parts each field is rebuilt as {@code name: value}. The text is then parsed by
 * {@link HeaderSection#parse(String, Limits)}, with the same rules and limits.
 *
 * <pre>{@code
 * MimeMessage message = new MimeMessage(session, in);
 * HeaderSection headers = JakartaMailHeaders.parse(message).orElseThrow();
 * }</pre>
 *
 * <p>Safe for concurrent use if the part is not modified meanwhile.
 *
 * @since 0.1
 */
public final class JakartaMailHeaders {

  private JakartaMailHeaders() {}

  /** Reads the header of {@code part} with {@link Limits#defaults()}. */
  public static ParseResult<HeaderSection> parse(Part part) {
    return parse(part, Limits.defaults());
  }

  /**
   * Reads the header of {@code part}. Never throws on bad header content; a {@link
   * MessagingException} from Jakarta Mail becomes a failed result with {@link
   * HeaderCodes#HEADERS_SOURCE_UNREADABLE}.
   *
   * @param part the message or body part
   * @param limits the limits, as for {@link HeaderSection#parse(String, Limits)}
   * @return the header section and what was wrong with it
   */
  public static ParseResult<HeaderSection> parse(Part part, Limits limits) {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(limits, "limits");
    StringBuilder sb = new StringBuilder();
    long cap = (long) limits.maxHeaderBytes() + 1;
    try {
      if (part instanceof MimePart mime) {
        Enumeration<String> lines = mime.getAllHeaderLines();
        while (lines.hasMoreElements() && sb.length() < cap) {
          sb.append(lines.nextElement()).append("\r\n");
        }
      } else {
        Enumeration<Header> headers = part.getAllHeaders();
        while (headers.hasMoreElements() && sb.length() < cap) {
          Header h = headers.nextElement();
          sb.append(h.getName()).append(": ").append(h.getValue() == null ? "" : h.getValue()).append("\r\n");
        }
      }
    } catch (MessagingException | RuntimeException e) {
      return ParseResult.failure(Diagnostic.error(HeaderCodes.HEADERS_SOURCE_UNREADABLE,
          "Jakarta Mail could not read the header: " + e.getMessage()));
    }
    sb.append("\r\n");
    return HeaderSection.parse(sb.toString(), limits);
  }
}
