/**
 * People, roles and signed approvals: the team of {@code salesflow.yaml} ({@code team:}), who may
 * record which event, the approval matrix, and approvals signed with SSH keys in OpenSSH's SSHSIG
 * format ({@code ssh-keygen -Y sign}, namespace {@code salesflow}) checked against a git-style
 * allowed-signers file. The cryptography is the JDK's (Ed25519, RSA with SHA-512 or SHA-256);
 * this package only reads and writes the documented wire format around it.
 */
package dev.salesflow.core.team;
