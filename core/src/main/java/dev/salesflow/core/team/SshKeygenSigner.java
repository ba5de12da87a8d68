package dev.salesflow.core.team;

import dev.salesflow.core.model.InvalidRequestException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Signs approval texts with OpenSSH's own {@code ssh-keygen -Y sign -n salesflow}: it reads every
 * key format, asks for a passphrase at the terminal itself and uses ssh-agent, so salesflow never
 * holds a private key or a passphrase. Before it runs, the key file is looked at here so that the
 * usual mistakes get a clear message: a missing file, a public key, a file that is no OpenSSH
 * private key, and a passphrase-protected key with no terminal to ask at. (Decrypting such a key in
 * Java would need bcrypt_pbkdf, which neither the JDK nor BouncyCastle's provider offers: that would
 * be writing cryptography.)
 */
public final class SshKeygenSigner {
  private static final String OPENSSH_PRIVATE = "-----BEGIN OPENSSH PRIVATE KEY-----";
  private static final String OPENSSH_PRIVATE_END = "-----END OPENSSH PRIVATE KEY-----";

  private SshKeygenSigner() {}

  /**
   * The key to sign with: {@code given}, else git's {@code user.signingkey} in {@code root} (a
   * path; {@code ~/} is {@code home}), else {@code home/.ssh/id_ed25519}.
   */
  public static Path key(Path given, Path root, Path home) {
    if (given != null) {
      return given;
    }
    String configured = GitConfig.get(root, "user.signingkey").orElse(null);
    if (configured != null) {
      if (configured.startsWith("key::") || configured.startsWith("ssh-")) {
        throw new InvalidRequestException("git's user.signingkey is a public key (" + abbreviate(configured)
            + "); pass the private key file with --key FILE");
      }
      return configured.startsWith("~/") && home != null ? home.resolve(configured.substring(2)) : root.resolve(configured);
    }
    if (home == null) {
      throw new InvalidRequestException("no key to sign with: pass --key FILE (HOME is not set)");
    }
    return home.resolve(".ssh/id_ed25519");
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  /**
   * The armored signature of {@code payload} by the private key in {@code key}.
   *
   * @param terminal whether a person is at a terminal, where ssh-keygen can ask for a passphrase
   * @throws InvalidRequestException for a missing, public, unreadable or (without a terminal)
   *     passphrase-protected key, or when ssh-keygen cannot sign
   */
  public static String sign(Path key, String payload, boolean terminal) {
    boolean encrypted = inspect(key);
    if (encrypted && !terminal) {
      throw new InvalidRequestException("the key " + key + " is protected by a passphrase and there is no terminal to ask"
          + " for it: run salesflow at a terminal, or sign the text of 'salesflow approve ... --payload-only' with"
          + " 'ssh-keygen -Y sign -f KEY -n " + Authority.NAMESPACE + "' and pass the .sig file with --signature");
    }
    Process process;
    try {
      process = new ProcessBuilder("ssh-keygen", "-q", "-Y", "sign", "-f", key.toString(), "-n", Authority.NAMESPACE)
          .redirectError(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new InvalidRequestException("signing needs OpenSSH's ssh-keygen (8.1 or later) on the PATH: " + e.getMessage()
          + "; or sign elsewhere and pass --signature FILE");
    }
    try {
      try (OutputStream in = process.getOutputStream()) {
        in.write(payload.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out = process.getInputStream().readAllBytes();
      byte[] err = process.getErrorStream().readAllBytes();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new InvalidRequestException("ssh-keygen did not finish signing within 10 minutes");
      }
      if (process.exitValue() != 0) {
        String why = new String(err, StandardCharsets.UTF_8).strip();
        throw new InvalidRequestException("ssh-keygen could not sign with " + key + (why.isEmpty() ? "" : ": " + why));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidRequestException("ssh-keygen failed while signing: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new InvalidRequestException("interrupted while ssh-keygen was signing");
    }
  }

  /** Whether the OpenSSH private key in {@code key} is encrypted; anything else is refused. */
  private static boolean inspect(Path key) {
    if (!Files.isRegularFile(key)) {
      throw new InvalidRequestException("key file " + key + " does not exist (pass --key FILE, or set git's user.signingkey)");
    }
    String text;
    try {
      if (Files.size(key) > 1 << 20) {
        throw new InvalidRequestException(key + " is no SSH private key (over 1 MiB)");
      }
      text = Files.readString(key, StandardCharsets.ISO_8859_1).strip();
    } catch (IOException e) {
      throw new InvalidRequestException("cannot read key file " + key + ": " + e.getMessage());
    }
    if (text.startsWith("ssh-") || text.startsWith("ecdsa-") || text.startsWith("sk-")) {
      throw new InvalidRequestException(key + " is a public key; --key takes the private key file"
          + (key.toString().endsWith(".pub") ? " (" + key.toString().substring(0, key.toString().length() - 4) + "?)" : ""));
    }
    if (!text.startsWith(OPENSSH_PRIVATE) || !text.endsWith(OPENSSH_PRIVATE_END)) {
      throw new InvalidRequestException(key + " is no OpenSSH private key (expected a file starting with "
          + OPENSSH_PRIVATE + ", as ssh-keygen writes)");
    }
    try {
      byte[] blob = Base64.getMimeDecoder().decode(
          text.substring(OPENSSH_PRIVATE.length(), text.length() - OPENSSH_PRIVATE_END.length()).strip());
      byte[] magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
      SshWire.Reader r = new SshWire.Reader(blob);
      if (!java.util.Arrays.equals(r.raw(magic.length), magic)) {
        throw new InvalidRequestException(key + " is no openssh-key-v1 private key");
      }
      return !"none".equals(r.text());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(key + " is a damaged OpenSSH private key: " + e.getMessage());
    }
  }

  /** Reads a signature file given with {@code --signature}. */
  public static String readSignature(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidRequestException("signature file " + file + " does not exist");
    }
    try {
      if (Files.size(file) > 1 << 16) {
        throw new InvalidRequestException(file + " is no SSH signature (over 64 KiB)");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidRequestException("cannot read signature file " + file + ": " + e.getMessage());
    }
  }
}
