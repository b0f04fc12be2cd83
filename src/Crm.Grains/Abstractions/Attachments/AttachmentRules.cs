using System.Globalization;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.Abstractions.Attachments;

/// <summary>
/// What may be attached: the allowed types, the size limit, and the check that a file's extension and first bytes agree
/// with its declared content type. A refusal is a <see cref="DomainException"/> of kind Invalid whose message tells the user
/// what to change; nothing is stored before <see cref="Check"/> has passed.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>How many leading bytes <see cref="Check"/> looks at: enough for every magic number and to tell text from binary.</summary>
    public const int SniffLength = 512;

    private const int MaxNameInMessage = 80;

    public static IReadOnlyList<AttachmentType> AllowedTypes { get; } =
    [
        new("image/png", "a PNG image", [".png"], ContentSignature.Png),
        new("image/jpeg", "a JPEG image", [".jpg", ".jpeg"], ContentSignature.Jpeg),
        new("image/gif", "a GIF image", [".gif"], ContentSignature.Gif),
        new("image/webp", "a WebP image", [".webp"], ContentSignature.Webp),
        new("application/pdf", "a PDF document", [".pdf"], ContentSignature.Pdf),
        new("text/plain", "a text file", [".txt"], ContentSignature.Text),
        new("text/csv", "a CSV file", [".csv"], ContentSignature.Text),
        new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document", [".docx"], ContentSignature.Zip),
        new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook", [".xlsx"], ContentSignature.Zip),
    ];

    /// <summary>Spellings that clients send for an allowed type besides its canonical one.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["image/jpg"] = "image/jpeg",
        ["image/pjpeg"] = "image/jpeg",
        ["application/csv"] = "text/csv",
        ["text/x-csv"] = "text/csv",
    };

    private static readonly string AllowedList =
        "PNG, JPEG, GIF and WebP images; PDF, text (.txt), CSV, Word (.docx) and Excel (.xlsx) documents";

    public static string MaxSizeText => FormatSize(MaxBytes);

    /// <summary>
    /// Checks an upload and returns the type it is stored as (its canonical content type), or throws a
    /// <see cref="DomainException"/> (Invalid) naming the file and the rule it broke. <paramref name="head"/> is the file's
    /// first bytes, at least <see cref="SniffLength"/> of them unless the file is shorter.
    /// </summary>
    public static AttachmentType Check(string fileName, string? declaredContentType, long size, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = NameForMessage(fileName);
        if (size <= 0)
        {
            throw Refused($"'{name}' is empty; attach a file with content.");
        }

        if (size > MaxBytes)
        {
            throw Refused($"'{name}' is {FormatSize(size)}; attachments may be at most {MaxSizeText}.");
        }

        var contentType = Normalize(declaredContentType);
        var type = AllowedTypes.FirstOrDefault(t => t.ContentType == contentType)
            ?? throw Refused(contentType.Length == 0
                ? $"'{name}' has no content type. Allowed: {AllowedList}."
                : $"'{name}' is of type '{contentType}', which cannot be attached. Allowed: {AllowedList}.");

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!type.Extensions.Contains(extension))
        {
            throw Refused(
                $"'{name}' is declared as {type.Description} ({type.ContentType}) but its name ends in " +
                $"{(extension.Length == 0 ? "no extension" : $"'{extension}'")}; {type.Description} ends in {string.Join(" or ", type.Extensions)}.");
        }

        if (!ContentSniffer.Matches(type.Signature, head))
        {
            throw Refused(type.Signature == ContentSignature.Text
                ? $"'{name}' is declared as {type.Description} but its content is binary; it was not stored."
                : $"'{name}' is declared as {type.Description} but its content is not one; it was not stored.");
        }

        return type;
    }

    /// <summary>
    /// <see cref="Check"/> on a seekable stream (an uploaded form file): the size is what remains from its position, the head
    /// is read from there, and the stream is put back where it was so the caller can store it.
    /// </summary>
    public static async Task<AttachmentType> CheckAsync(string fileName, string? declaredContentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The attachment stream must be seekable (buffer the upload first) so it can be checked and then stored.", nameof(content));
        }

        var start = content.Position;
        var head = new byte[SniffLength];
        var read = 0;
        while (read < head.Length)
        {
            var chunk = await content.ReadAsync(head.AsMemory(read), cancellationToken);
            if (chunk == 0)
            {
                break;
            }

            read += chunk;
        }

        content.Position = start;
        return Check(fileName, declaredContentType, content.Length - start, head.AsSpan(0, read));
    }

    /// <summary>"Image/PNG; charset=x" → "image/png", with the known aliases mapped to their canonical type.</summary>
    public static string Normalize(string? contentType)
    {
        var bare = (contentType ?? string.Empty).Split(';', 2)[0].Trim().ToLowerInvariant();
        return Aliases.GetValueOrDefault(bare, bare);
    }

    private static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{(bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture)} MB",
        >= 1024 => $"{(bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture)} KB",
        _ => $"{bytes} bytes",
    };

    private static string NameForMessage(string fileName)
    {
        var lastSegment = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        return lastSegment.Length <= MaxNameInMessage ? lastSegment : lastSegment[..MaxNameInMessage] + "…";
    }

    private static DomainException Refused(string message) => new(DomainErrorKind.Invalid, message);
}
