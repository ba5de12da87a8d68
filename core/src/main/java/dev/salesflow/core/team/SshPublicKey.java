package dev.salesflow.core.team;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An SSH public key as its wire blob ({@code ssh-ed25519} or {@code ssh-rsa}), turned into a JDK
 * key for verification. Equal when the blobs are.
 */
final class SshPublicKey {
  static final String ED25519 = "ssh-ed25519";
  static final String RSA = "ssh-rsa";
  /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410), before the 32 key bytes. */
  private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

  private final String type;
  private final byte[] blob;
  private final PublicKey key;

  private SshPublicKey(String type, byte[] blob, PublicKey key) {
    this.type = type;
    this.blob = blob;
    this.key = key;
  }

  /** The key whose wire blob is {@code blob}; an unsupported or malformed one is refused. */
  static SshPublicKey fromBlob(byte[] blob) {
    SshWire.Reader r = new SshWire.Reader(blob);
    String type = r.text();
    try {
      PublicKey key;
      if (ED25519.equals(type)) {
        byte[] point = r.string();
        if (point.length != 32) {
          throw new IllegalArgumentException("an ssh-ed25519 key has 32 bytes, this one " + point.length);
        }
        byte[] der = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
        System.arraycopy(point, 0, der, ED25519_SPKI_PREFIX.length, 32);
        key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      } else if (RSA.equals(type)) {
        BigInteger e = r.mpint();
        BigInteger n = r.mpint();
        key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
      } else {
        throw new IllegalArgumentException("key type '" + type + "' is not supported (ssh-ed25519 and ssh-rsa are)");
      }
      if (!r.atEnd()) {
        throw new IllegalArgumentException("the " + type + " key has bytes after its end");
      }
      return new SshPublicKey(type, blob.clone(), key);
    } catch (GeneralSecurityException ex) {
      throw new IllegalArgumentException("the " + type + " key is not valid: " + ex.getMessage(), ex);
    }
  }

  /** A key written as in {@code authorized_keys}: {@code TYPE BASE64 [comment]}. */
  static SshPublicKey parse(String type, String base64) {
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the key is not base64");
    }
    SshPublicKey key = fromBlob(blob);
    if (!key.type.equals(type)) {
      throw new IllegalArgumentException("the key is written as " + type + " but is a " + key.type + " key");
    }
    return key;
  }

  String type() {
    return type;
  }

  PublicKey javaKey() {
    return key;
  }

  /** {@code SHA256:...} as {@code ssh-keygen -l} prints it. */
  String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SshPublicKey other && Arrays.equals(blob, other.blob);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, Arrays.hashCode(blob));
  }

  @Override
  public String toString() {
    return type + " " + fingerprint();
  }
}
