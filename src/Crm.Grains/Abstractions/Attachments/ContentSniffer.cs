namespace Crm.Grains.Abstractions.Attachments;

/// <summary>
/// Checks a file's first bytes against the magic number of its declared type, so a renamed executable is never stored
/// as an image or a PDF. Needs at most <see cref="AttachmentRules.SniffLength"/> bytes.
/// </summary>
public static class ContentSniffer
{
    private static readonly byte[] PngMagic = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87Magic = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89Magic = "GIF89a"u8.ToArray();
    private static readonly byte[] RiffMagic = "RIFF"u8.ToArray();
    private static readonly byte[] WebpMagic = "WEBP"u8.ToArray();
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [(byte)'P', (byte)'K', 0x03, 0x04];
    private static readonly byte[] Utf16LeBom = [0xFF, 0xFE];
    private static readonly byte[] Utf16BeBom = [0xFE, 0xFF];

    public static bool Matches(ContentSignature signature, ReadOnlySpan<byte> head) => signature switch
    {
        ContentSignature.Png => head.StartsWith(PngMagic),
        ContentSignature.Jpeg => head.StartsWith(JpegMagic),
        ContentSignature.Gif => head.StartsWith(Gif87Magic) || head.StartsWith(Gif89Magic),
        // "RIFF", four bytes of chunk size, then "WEBP".
        ContentSignature.Webp => head.StartsWith(RiffMagic) && head.Length >= 12 && head[8..12].SequenceEqual(WebpMagic),
        ContentSignature.Pdf => head.StartsWith(PdfMagic),
        ContentSignature.Zip => head.StartsWith(ZipMagic),
        // UTF-16 text is full of NUL bytes; anything else with one is binary (executables, images, archives all have them early).
        ContentSignature.Text => head.StartsWith(Utf16LeBom) || head.StartsWith(Utf16BeBom) || !head.Contains((byte)0),
        _ => false,
    };
}
