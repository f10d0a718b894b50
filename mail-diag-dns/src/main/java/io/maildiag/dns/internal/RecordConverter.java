package io.maildiag.dns.internal;

import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.ARecord;
import io.maildiag.dns.AaaaRecord;
import io.maildiag.dns.CaaRecord;
import io.maildiag.dns.CnameRecord;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.NsRecord;
import io.maildiag.dns.PtrRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.SoaRecord;
import io.maildiag.dns.SrvRecord;
import io.maildiag.dns.TlsaRecord;
import io.maildiag.dns.TxtRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Converts dnsjava records and names into mail-diag values. */
public final class RecordConverter {
  private RecordConverter() {}

  /**
   * Returns the mail-diag name of a dnsjava name, or empty if it is not a valid {@link DomainName}.
   * Labels are read as raw octets, not in dnsjava's escaped presentation form: a label that holds
   * a space on the wire becomes a label with a space (which {@link DomainName} accepts), not the
   * text {@code \032}. Labels with a dot, a control character or a non-ASCII octet cannot be
   * represented and make the name empty.
   */
  public static Optional<DomainName> name(Name name) {
    int labels = name.labels();
    if (labels <= 1) {
      return Optional.of(DomainName.root());
    }
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < labels; i++) {
      byte[] label = name.getLabel(i); // length octet, then the label's octets
      if (label[0] == 0) {
        break; // the root label ends an absolute name
      }
      if (sb.length() > 0) {
        sb.append('.');
      }
      for (int j = 1; j < label.length; j++) {
        int b = label[j] & 0xff;
        if (b < 0x20 || b >= 0x7f || b == '.') {
          return Optional.empty();
        }
        sb.append((char) b);
      }
    }
    return DomainName.parse(sb.toString()).value();
  }

  /**
   * Returns the dnsjava name of a mail-diag name (absolute). Every character but letters, digits,
   * hyphen and underscore is passed as a {@code \DDD} escape, so that labels with a backslash, a
   * space or a quote (which {@link DomainName} accepts) reach the wire as they are.
   */
  public static Name toName(DomainName name) {
    if (name.isRoot()) {
      return Name.root;
    }
    StringBuilder sb = new StringBuilder(name.toString().length() + 16);
    for (String label : name.labels()) {
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
          sb.append(c);
        } else if (c < 0x100) {
          sb.append('\\').append(String.format(java.util.Locale.ROOT, "%03d", (int) c));
        } else {
          throw new IllegalArgumentException("not a DNS name: " + name);
        }
      }
      sb.append('.');
    }
    try {
      return Name.fromString(sb.toString());
    } catch (org.xbill.DNS.TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: " + name, e);
    }
  }

  /**
   * Returns the mail-diag record of a dnsjava record, or empty if its type is not one mail-diag
   * surfaces or a name in it is not a valid {@link DomainName}.
   */
  public static Optional<DnsRecord> convert(Record r) {
    Optional<DomainName> owner = name(r.getName());
    Optional<RecordType> type = RecordType.fromCode(r.getType());
    if (owner.isEmpty() || type.isEmpty()) {
      return Optional.empty();
    }
    DomainName n = owner.get();
    long ttl = Math.min(Math.max(r.getTTL(), 0), Integer.MAX_VALUE);
    try {
      return switch (type.get()) {
        case A -> Optional.of(new ARecord(n, ttl,
            IpAddress.fromBytes(((org.xbill.DNS.ARecord) r).getAddress().getAddress())));
        case AAAA -> Optional.of(new AaaaRecord(n, ttl,
            IpAddress.fromBytes(((org.xbill.DNS.AAAARecord) r).getAddress().getAddress())));
        case CNAME -> name(((org.xbill.DNS.CNAMERecord) r).getTarget()).map(t -> new CnameRecord(n, ttl, t));
        case NS -> name(((org.xbill.DNS.NSRecord) r).getTarget()).map(t -> new NsRecord(n, ttl, t));
        case PTR -> name(((org.xbill.DNS.PTRRecord) r).getTarget()).map(t -> new PtrRecord(n, ttl, t));
        case MX -> {
          org.xbill.DNS.MXRecord mx = (org.xbill.DNS.MXRecord) r;
          yield name(mx.getTarget()).map(t -> new MxRecord(n, ttl, mx.getPriority(), t));
        }
        case SRV -> {
          org.xbill.DNS.SRVRecord srv = (org.xbill.DNS.SRVRecord) r;
          yield name(srv.getTarget()).map(t -> new SrvRecord(n, ttl, srv.getPriority(), srv.getWeight(),
              srv.getPort(), t));
        }
        case SOA -> {
          org.xbill.DNS.SOARecord soa = (org.xbill.DNS.SOARecord) r;
          Optional<DomainName> host = name(soa.getHost());
          Optional<DomainName> admin = name(soa.getAdmin());
          yield host.isPresent() && admin.isPresent()
              ? Optional.of(new SoaRecord(n, ttl, host.get(), admin.get(), soa.getSerial(), soa.getRefresh(),
                  soa.getRetry(), soa.getExpire(), soa.getMinimum()))
              : Optional.empty();
        }
        case TXT -> Optional.of(new TxtRecord(n, type.get(), ttl, strings(((org.xbill.DNS.TXTRecord) r).getStringsAsByteArrays())));
        case SPF -> Optional.of(new TxtRecord(n, type.get(), ttl, strings(((org.xbill.DNS.SPFRecord) r).getStringsAsByteArrays())));
        case TLSA -> {
          org.xbill.DNS.TLSARecord t = (org.xbill.DNS.TLSARecord) r;
          yield Optional.of(new TlsaRecord(n, ttl, t.getCertificateUsage(), t.getSelector(), t.getMatchingType(),
              HexFormat.of().formatHex(t.getCertificateAssociationData())));
        }
        case CAA -> caa(n, ttl, r);
      };
    } catch (IllegalArgumentException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns a CAA record from the raw RDATA (flags, tag length, tag, value; RFC 8659 section 4.1),
   * because dnsjava's {@code getTag()} and {@code getValue()} return the master-file escaped form
   * ({@code \"} for a quote, {@code \DDD} for other bytes). The value is decoded as UTF-8.
   */
  private static Optional<DnsRecord> caa(DomainName owner, long ttl, Record r) {
    byte[] rdata = r.rdataToWireCanonical();
    if (rdata.length < 2) {
      return Optional.empty();
    }
    int flags = rdata[0] & 0xff;
    int tagLength = rdata[1] & 0xff;
    if (tagLength == 0 || 2 + tagLength > rdata.length) {
      return Optional.empty();
    }
    String tag = new String(rdata, 2, tagLength, StandardCharsets.US_ASCII);
    byte[] value = java.util.Arrays.copyOfRange(rdata, 2 + tagLength, rdata.length);
    return Optional.of(new CaaRecord(owner, ttl, flags, tag, decodeUtf8(value)));
  }

  /** Returns the character-strings of a TXT or SPF record, decoded as UTF-8 (malformed bytes replaced). */
  static List<String> strings(List<byte[]> raw) {
    List<String> out = new ArrayList<>();
    for (byte[] b : raw) {
      out.add(decodeUtf8(b));
    }
    return out;
  }

  private static String decodeUtf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
  }

  /** Returns the dnsjava type code of a record type. */
  public static int typeCode(RecordType type) {
    return type.code();
  }

  /** Returns the mnemonic dnsjava prints for a type code, for messages. */
  public static String typeName(int code) {
    return Type.string(code);
  }
}
