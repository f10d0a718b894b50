package io.maildiag.examples.cli;

import io.maildiag.dns.RecordType;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a record type mnemonic case-insensitively; an unknown one is a usage error. */
public final class RecordTypeConverter implements ITypeConverter<RecordType> {

  /** The types accepted, for help texts and messages. */
  static final String KNOWN = Arrays.stream(RecordType.values()).map(Enum::name).collect(Collectors.joining(", "));

  @Override
  public RecordType convert(String value) {
    return RecordType.parse(value).orElseThrow(() ->
        new TypeConversionException("unknown record type '" + value + "' (expected one of " + KNOWN + ")"));
  }
}
