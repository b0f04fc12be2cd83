using Crm.Grains.Abstractions.Blobs;

namespace Crm.Silo.Infrastructure.Blobs;

/// <summary>The argument checks every <see cref="IBlobStore"/> makes, so both providers refuse exactly the same calls.</summary>
internal static class BlobArguments
{
    public const int MaxContentTypeLength = 255;

    public static string Key(string key) => BlobKeys.Validate(key);

    public static void Put(string key, Stream content, string contentType)
    {
        Key(key);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(contentType);
        if (!content.CanRead)
        {
            throw new ArgumentException("The blob content stream is not readable.", nameof(content));
        }

        // Printable ASCII only: the type travels in an HTTP header (Azure) and in the folder store's file header.
        if (contentType.Length is 0 or > MaxContentTypeLength || !contentType.All(c => c is >= ' ' and <= '~'))
        {
            throw new ArgumentException(
                $"A blob's content type must be 1–{MaxContentTypeLength} printable ASCII characters, not '{contentType}'.", nameof(contentType));
        }
    }
}
