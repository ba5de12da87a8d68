package dev.salesflow.core.team;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * An armored SSH signature in OpenSSH's SSHSIG format (PROTOCOL.sshsig), as {@code ssh-keygen -Y
 * sign} writes it: the magic {@code SSHSIG}, version 1, the signer's public key, the namespace, a
 * reserved string, the hash algorithm ({@code sha512} or {@code sha256}) and the SSH signature of
 * {@code SSHSIG || namespace || reserved || hash_algorithm || H(message)}. Only the framing is
 * written here; hashing and signature verification are the JDK's.
 */
final class SshSignature {
  static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
  static final String END = "-----END SSH SIGNATURE-----";
  private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);

  private final SshPublicKey publicKey;
  private final String namespace;
  private final byte[] reserved;
  private final String hashAlgorithm;
  private final String signatureAlgorithm;
  private final byte[] signature;

  private SshSignature(SshPublicKey publicKey, String namespace, byte[] reserved, String hashAlgorithm,
      String signatureAlgorithm, byte[] signature) {
    this.publicKey = publicKey;
    this.namespace = namespace;
    this.reserved = reserved;
    this.hashAlgorithm = hashAlgorithm;
    this.signatureAlgorithm = signatureAlgorithm;
    this.signature = signature;
  }

  /**
   * Reads an armored signature made in {@code expectedNamespace}.
   *
   * @throws IllegalArgumentException saying what is wrong: no armor, truncated, another version or
   *     namespace, an unsupported key, hash or signature algorithm
   */
  static SshSignature parse(String armored, String expectedNamespace) {
    String text = armored.strip();
    if (!text.startsWith(BEGIN)) {
      throw new IllegalArgumentException("does not start with " + BEGIN);
    }
    if (!text.endsWith(END)) {
      throw new IllegalArgumentException("does not end with " + END + " (truncated?)");
    }
    byte[] blob;
    try {
      blob = Base64.getMimeDecoder().decode(text.substring(BEGIN.length(), text.length() - END.length()).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("is truncated or corrupt: its body is not base64");
    }
    try {
      SshWire.Reader r = new SshWire.Reader(blob);
      if (!Arrays.equals(r.raw(MAGIC.length), MAGIC)) {
        throw new IllegalArgumentException("is not an SSHSIG signature (no SSHSIG magic)");
      }
      int version = r.uint32();
      if (version != 1) {
        throw new IllegalArgumentException("is of SSHSIG version " + version + "; version 1 is supported");
      }
      SshPublicKey key = SshPublicKey.fromBlob(r.string());
      String namespace = r.text();
      byte[] reserved = r.string();
      String hash = r.text();
      SshWire.Reader sig = new SshWire.Reader(r.string());
      String algorithm = sig.text();
      byte[] bytes = sig.string();
      if (!r.atEnd() || !sig.atEnd()) {
        throw new IllegalArgumentException("has bytes after its end");
      }
      if (!namespace.equals(expectedNamespace)) {
        throw new IllegalArgumentException("was made for the namespace '" + namespace + "', not '" + expectedNamespace
            + "' (sign with ssh-keygen -Y sign -n " + expectedNamespace + ")");
      }
      if (!hash.equals("sha512") && !hash.equals("sha256")) {
        throw new IllegalArgumentException("uses the hash algorithm '" + hash + "' (sha512 and sha256 are supported)");
      }
      javaAlgorithm(key, algorithm);
      return new SshSignature(key, namespace, reserved, hash, algorithm, bytes);
    } catch (SshWire.Malformed e) {
      throw new IllegalArgumentException("is truncated or corrupt: it " + e.getMessage());
    }
  }

  /** The JDK signature algorithm of an SSH signature format on a key, refusing mismatches and SHA-1. */
  private static String javaAlgorithm(SshPublicKey key, String format) {
    if (key.type().equals(SshPublicKey.ED25519) && format.equals(SshPublicKey.ED25519)) {
      return "Ed25519";
    }
    if (key.type().equals(SshPublicKey.RSA) && format.equals("rsa-sha2-512")) {
      return "SHA512withRSA";
    }
    if (key.type().equals(SshPublicKey.RSA) && format.equals("rsa-sha2-256")) {
      return "SHA256withRSA";
    }
    throw new IllegalArgumentException("has a " + format + " signature on a " + key.type()
        + " key (supported: ssh-ed25519, rsa-sha2-512, rsa-sha2-256)");
  }

  SshPublicKey publicKey() {
    return publicKey;
  }

  /** Whether this is the signer's signature of {@code message}. */
  boolean verifies(byte[] message) {
    try {
      byte[] digest = MessageDigest.getInstance(hashAlgorithm.equals("sha512") ? "SHA-512" : "SHA-256").digest(message);
      byte[] signed = new SshWire.Writer().raw(MAGIC).text(namespace).string(reserved).text(hashAlgorithm)
          .string(digest).bytes();
      Signature verifier = Signature.getInstance(javaAlgorithm(publicKey, signatureAlgorithm));
      verifier.initVerify(publicKey.javaKey());
      verifier.update(signed);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
