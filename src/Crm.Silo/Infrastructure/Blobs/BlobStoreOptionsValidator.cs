using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Crm.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Silo.Infrastructure.Blobs;

/// <summary>Fails the host at start with a message that names the configuration key to fix.</summary>
public sealed partial class BlobStoreOptionsValidator : IValidateOptions<BlobStoreOptions>
{
    /// <summary>Azure's rule for container names: 3–63 of a–z, 0–9 and '-', starting and ending with a letter or digit, no "--".</summary>
    [GeneratedRegex(@"^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\z")]
    private static partial Regex ContainerNamePattern();

    public ValidateOptionsResult Validate(string? name, BlobStoreOptions options)
    {
        var failures = new List<string>();
        switch (options.Provider)
        {
            case BlobStoreProvider.Folder:
                if (string.IsNullOrWhiteSpace(options.DataPath))
                {
                    failures.Add($"{DataPaths.Key} is empty; the Folder blob store needs a data folder (default {DataPaths.Default}).");
                }

                break;
            case BlobStoreProvider.AzureBlob:
                ValidateAzure(options, failures);
                break;
            default:
                failures.Add($"{BlobStoreOptions.SectionName}:Provider '{options.Provider}' is not supported; use Folder or AzureBlob.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAzure(BlobStoreOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add(
                $"{BlobStoreOptions.SectionName}:Provider is AzureBlob but ConnectionStrings:{BlobStoreOptions.ConnectionStringName} is empty. " +
                $"Set it (for example the environment variable ConnectionStrings__{BlobStoreOptions.ConnectionStringName}=" +
                "\"DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net\") or use the Folder provider.");
        }
        else
        {
            try
            {
                // Parsing only: the client makes no request until it is used.
                _ = new BlobServiceClient(options.ConnectionString);
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
            {
                failures.Add(
                    $"ConnectionStrings:{BlobStoreOptions.ConnectionStringName} is not a valid Azure Storage connection string: {exception.Message}");
            }
        }

        if (options.ContainerName is null || !ContainerNamePattern().IsMatch(options.ContainerName))
        {
            failures.Add(
                $"{BlobStoreOptions.SectionName}:ContainerName '{options.ContainerName}' is not a valid container name: use 3–63 characters " +
                "of a–z, 0–9 and '-', starting and ending with a letter or digit, without \"--\".");
        }
    }
}
