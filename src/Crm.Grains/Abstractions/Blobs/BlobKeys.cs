using System.Text;
using Crm.Grains.Abstractions.Keys;

namespace Crm.Grains.Abstractions.Blobs;

/// <summary>
/// The one place blob keys are built: "{workspaceId}/{category}/{id}/{file name}". The workspace id comes first, so one
/// workspace's blobs share a prefix and two workspaces can never address the same blob. Keys use only a–z, 0–9, '.', '-',
/// '_' and '/', so the same key is a safe relative path on every file system and a valid Azure blob name.
/// </summary>
public static class BlobKeys
{
    public const string AttachmentCategory = "attachments";
    public const string ImportCategory = "imports";

    /// <summary>Azure's limit on a blob name; the folder store keeps the same limit so both providers accept the same keys.</summary>
    public const int MaxKeyLength = 1024;

    /// <summary>Long enough for any sensible file name, short enough that a key stays far below path limits.</summary>
    public const int MaxFileNameLength = 100;

    private const string FallbackFileName = "file";

    /// <summary>The key of an attachment's bytes: "{workspaceId}/attachments/{attachmentId}/{sanitized file name}".</summary>
    public static string Attachment(string workspaceId, string attachmentId, string fileName) =>
        $"{Ids.Require(workspaceId, "workspace")}/{AttachmentCategory}/{Ids.Require(attachmentId, "attachment")}/{SanitizeFileName(fileName)}";

    /// <summary>The key of an uploaded import file: "{workspaceId}/imports/{importId}/upload.csv".</summary>
    public static string Import(string workspaceId, string importId) =>
        $"{Ids.Require(workspaceId, "workspace")}/{ImportCategory}/{Ids.Require(importId, "import")}/upload.csv";

    /// <summary>The prefix shared by every blob of one workspace.</summary>
    public static string WorkspacePrefix(string workspaceId) => $"{Ids.Require(workspaceId, "workspace")}/";

    /// <summary>
    /// The last path segment of <paramref name="fileName"/>, lowercased, with every character outside a–z, 0–9, '.', '-', '_'
    /// replaced by '-', no leading or trailing dot (so never "." or ".."), at most <see cref="MaxFileNameLength"/> characters
    /// with the extension kept. The name the user gave is kept apart (in the attachment's details) for display.
    /// </summary>
    public static string SanitizeFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);

        // A browser may send "C:\Users\me\photo.png" or "../../etc/passwd": only the last segment is a file name.
        var lastSegment = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        var safe = new StringBuilder(lastSegment.Length);
        foreach (var character in lastSegment.ToLowerInvariant())
        {
            var mapped = IsKeyCharacter(character) ? character : '-';
            if (mapped == '-' && safe.Length > 0 && safe[^1] == '-')
            {
                continue;
            }

            safe.Append(mapped);
        }

        var name = safe.ToString().Trim('.', '-');
        if (name.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length is > 1 and <= 16 ? extension : string.Empty;
            name = name[..(MaxFileNameLength - extension.Length)].TrimEnd('.', '-') + extension;
        }

        return name.Length == 0 ? FallbackFileName : name;
    }

    /// <summary>
    /// Returns <paramref name="key"/> when a store may use it, or throws <see cref="ArgumentException"/>: the first segment
    /// must be a workspace id, no segment may be empty (no absolute path, no "//"), "." or "..", and only a–z, 0–9, '.', '-',
    /// '_' and '/' may appear. Stores call this on every key, so a key built elsewhere cannot escape the store's root.
    /// </summary>
    public static string Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 or > MaxKeyLength)
        {
            throw new ArgumentException($"A blob key must be 1–{MaxKeyLength} characters long, not {key.Length}.", nameof(key));
        }

        var segments = key.Split('/');
        if (segments.Length < 2 || !Ids.IsValid(segments[0]))
        {
            throw new ArgumentException(
                $"Blob key '{key}' must start with a workspace id and a '/'; build keys with {nameof(BlobKeys)}.", nameof(key));
        }

        foreach (var segment in segments)
        {
            if (segment is "" or "." or "..")
            {
                throw new ArgumentException(
                    $"Blob key '{key}' has an empty, '.' or '..' segment; keys are relative paths that never leave their workspace.", nameof(key));
            }

            if (!segment.All(IsKeyCharacter))
            {
                throw new ArgumentException(
                    $"Blob key '{key}' has characters outside a–z, 0–9, '.', '-', '_' and '/'; build keys with {nameof(BlobKeys)}.", nameof(key));
            }
        }

        return key;
    }

    private static bool IsKeyCharacter(char character) =>
        character is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_';
}
