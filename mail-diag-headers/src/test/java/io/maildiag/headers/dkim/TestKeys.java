package io.maildiag.headers.dkim;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Keys generated once per test run, and their DNS key records. */
final class TestKeys {
  private TestKeys() {}

  static final KeyPair RSA_2048 = rsa(2048);
  static final KeyPair RSA_1024 = rsa(1024);
  static final KeyPair RSA_512 = rsa(512);
  static final KeyPair ED25519 = ed25519();
  static final KeyPair ED25519_OTHER = ed25519();

  private static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits, new SecureRandom());
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns {@code p=} for the key: the DER SubjectPublicKeyInfo for RSA, the raw 32 bytes for Ed25519. */
  static String p(PublicKey key) {
    byte[] der = key.getEncoded();
    if (key.getAlgorithm().equals("RSA")) {
      return Base64.getEncoder().encodeToString(der);
    }
    return Base64.getEncoder().encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
  }

  /** Returns the key record text for the pair. */
  static String record(KeyPair pair) {
    String k = pair.getPublic().getAlgorithm().equals("RSA") ? "rsa" : "ed25519";
    return "v=DKIM1; k=" + k + "; p=" + p(pair.getPublic());
  }

  /** Splits a record into DNS character-strings of at most 200 octets. */
  static String[] strings(String record) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < record.length(); i += 200) {
      out.add(record.substring(i, Math.min(record.length(), i + 200)));
    }
    return out.toArray(new String[0]);
  }
}
