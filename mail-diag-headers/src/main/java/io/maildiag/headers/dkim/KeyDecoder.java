package io.maildiag.headers.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;

/** Turns the bytes of {@code p=} into a Java public key. */
final class KeyDecoder {
  private KeyDecoder() {}

  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE, AlgorithmIdentifier 1.3.101.112, BIT STRING. */
  private static final byte[] ED25519_SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  /** The DER of AlgorithmIdentifier rsaEncryption with NULL parameters. */
  private static final byte[] RSA_ALGORITHM_ID = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
  };

  /** A decoded key, or null and the reason. */
  record Decoded(@org.jspecify.annotations.Nullable PublicKey key, int bits, String problem) {}

  static Decoded decode(DkimKeyType type, byte[] bytes) {
    try {
      if (type == DkimKeyType.ED25519) {
        if (bytes.length != 32) {
          return new Decoded(null, 0, "an Ed25519 key is 32 bytes, this one is " + bytes.length
              + (bytes.length == 44 ? " (a SubjectPublicKeyInfo; RFC 8463 section 4.2 wants the raw key)" : ""));
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(bytes, 0, spki, ED25519_SPKI_PREFIX.length, 32);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        return new Decoded(key, 256, "");
      }
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      PublicKey key;
      try {
        key = rsa.generatePublic(new X509EncodedKeySpec(bytes));
      } catch (GeneralSecurityException e) {
        // Some publishers put a bare PKCS#1 RSAPublicKey in p=; wrap it.
        key = rsa.generatePublic(new X509EncodedKeySpec(wrapPkcs1(bytes)));
      }
      if (!(key instanceof RSAPublicKey rk)) {
        return new Decoded(null, 0, "not an RSA key");
      }
      return new Decoded(key, rk.getModulus().bitLength(), "");
    } catch (GeneralSecurityException | RuntimeException e) {
      return new Decoded(null, 0, String.valueOf(e.getMessage()));
    }
  }

  private static byte[] wrapPkcs1(byte[] pkcs1) {
    byte[] bitString = concat(new byte[] {0x03}, derLength(pkcs1.length + 1), new byte[] {0x00}, pkcs1);
    byte[] body = concat(RSA_ALGORITHM_ID, bitString);
    return concat(new byte[] {0x30}, derLength(body.length), body);
  }

  private static byte[] derLength(int n) {
    if (n < 0x80) {
      return new byte[] {(byte) n};
    }
    if (n < 0x100) {
      return new byte[] {(byte) 0x81, (byte) n};
    }
    if (n < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    }
    return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }
}
