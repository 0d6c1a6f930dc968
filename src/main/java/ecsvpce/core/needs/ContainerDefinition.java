package ecsvpce.core.needs;

import java.util.List;

/**
 * One container definition, reduced to the fields that need an AWS service at start-up.
 *
 * @param repositoryCredentialsParameter {@code repositoryCredentials.credentialsParameter}, or null
 * @param environmentFiles               {@code environmentFiles[].value} (S3 object ARNs)
 */
public record ContainerDefinition(
        String name,
        String image,
        LogConfiguration logConfiguration,
        List<SecretReference> secrets,
        String repositoryCredentialsParameter,
        List<String> environmentFiles) {

    public ContainerDefinition {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        environmentFiles = environmentFiles == null ? List.of() : List.copyOf(environmentFiles);
    }
}
