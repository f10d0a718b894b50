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
   * Returns the mail-diag name of a dnsjava name, or empty if it is not a valid {@link DomainName}
   * (for example a label with a space, which DNS can carry).
   */
  public static Optional<DomainName> name(Name name) {
    if (name.labels() <= 1) {
      return Optional.of(DomainName.root());
    }
    return DomainName.parse(name.toString(true)).value();
  }

  /** Returns the dnsjava name of a mail-diag name (absolute). */
  public static Name toName(DomainName name) {
    try {
      return Name.fromString(name.toAbsoluteString());
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
        case CAA -> {
          org.xbill.DNS.CAARecord c = (org.xbill.DNS.CAARecord) r;
          yield Optional.of(new CaaRecord(n, ttl, c.getFlags(), c.getTag(), c.getValue()));
        }
      };
    } catch (IllegalArgumentException | ClassCastException e) {
      return Optional.empty();
    }
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
