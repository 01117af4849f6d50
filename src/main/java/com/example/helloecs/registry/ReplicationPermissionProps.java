package com.example.helloecs.registry;

/**
 * Props of {@link ReplicationPermission}.
 *
 * @param sourceAccount  the 12-digit account whose registry replicates into this one; required
 * @param repositoryName the replica repository the source may replicate into; required
 */
public record ReplicationPermissionProps(String sourceAccount, String repositoryName) {
}
