using System.Text;
using Crm.Grains.Abstractions.Attachments;
using Crm.Grains.Abstractions.Errors;
using Xunit;

namespace Crm.Silo.Tests.Blobs;

/// <summary>
/// The attachment rules live in Crm.Grains; they are tested here, beside the blob stores they guard, so that
/// <c>--filter FullyQualifiedName~Blobs</c> covers the whole attachment path.
/// </summary>
public sealed class AttachmentRulesTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];
    private static readonly byte[] Gif = "GIF89a\u0001\0\u0001\0"u8.ToArray();
    private static readonly byte[] Webp = [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8];
    private static readonly byte[] Pdf = "%PDF-1.7\n%âãÏÓ\n"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00];
    private static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
    private static readonly byte[] Text = "name,email\nAda,ada@example.com\n"u8.ToArray();

    public static TheoryData<string, string, byte[], string> AllowedFiles => new()
    {
        { "logo.png", "image/png", Png, "image/png" },
        { "photo.JPG", "image/jpeg", Jpeg, "image/jpeg" },
        { "photo.jpeg", "image/jpg", Jpeg, "image/jpeg" },
        { "anim.gif", "image/gif", Gif, "image/gif" },
        { "shot.webp", "image/webp", Webp, "image/webp" },
        { "contract.pdf", "application/pdf", Pdf, "application/pdf" },
        { "notes.txt", "text/plain; charset=utf-8", Text, "text/plain" },
        { "leads.csv", "Text/CSV", Text, "text/csv" },
        { "letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "sheet.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    };

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public void Check_AllowedTypeWhoseContentMatches_ReturnsTheCanonicalType(string fileName, string declared, byte[] head, string expected)
    {
        var type = AttachmentRules.Check(fileName, declared, 1_000, head);

        Assert.Equal(expected, type.ContentType);
    }

    [Fact]
    public void Check_PngThatIsReallyAnExecutable_IsRefused()
    {
        var error = Refused(() => AttachmentRules.Check("cat.png", "image/png", 40_000, Executable));

        Assert.Equal("'cat.png' is declared as a PNG image but its content is not one; it was not stored.", error.Message);
    }

    [Theory]
    [InlineData("doc.pdf", "application/pdf", "a PDF document")]
    [InlineData("pic.jpg", "image/jpeg", "a JPEG image")]
    [InlineData("pic.gif", "image/gif", "a GIF image")]
    [InlineData("pic.webp", "image/webp", "a WebP image")]
    [InlineData("sheet.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook")]
    public void Check_ContentOfAnotherKind_IsRefusedNamingTheDeclaredKind(string fileName, string declared, string kind)
    {
        var error = Refused(() => AttachmentRules.Check(fileName, declared, 1_000, Png));

        Assert.Contains($"declared as {kind} but its content is not one", error.Message);
    }

    [Fact]
    public void Check_TextFileWithBinaryContent_IsRefused()
    {
        var error = Refused(() => AttachmentRules.Check("readme.txt", "text/plain", 40_000, Executable));

        Assert.Contains("its content is binary", error.Message);
    }

    [Fact]
    public void Check_Utf16TextWithByteOrderMark_IsAccepted()
    {
        var head = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a,b\n")).ToArray();

        Assert.Equal("text/csv", AttachmentRules.Check("export.csv", "text/csv", head.Length, head).ContentType);
    }

    [Fact]
    public void Check_OneByteOverTheLimit_IsRefusedStatingTheLimit()
    {
        Assert.Equal("image/png", AttachmentRules.Check("big.png", "image/png", AttachmentRules.MaxBytes, Png).ContentType);

        var error = Refused(() => AttachmentRules.Check("huge.png", "image/png", 12 * 1024 * 1024, Png));

        Assert.Equal("'huge.png' is 12 MB; attachments may be at most 10 MB.", error.Message);
        Refused(() => AttachmentRules.Check("big.png", "image/png", AttachmentRules.MaxBytes + 1, Png));
    }

    [Fact]
    public void Check_EmptyFile_IsRefused()
    {
        var error = Refused(() => AttachmentRules.Check("empty.txt", "text/plain", 0, []));

        Assert.Contains("is empty", error.Message);
    }

    [Theory]
    [InlineData("setup.exe", "application/x-msdownload", "of type 'application/x-msdownload', which cannot be attached")]
    [InlineData("logo.svg", "image/svg+xml", "of type 'image/svg+xml', which cannot be attached")]
    [InlineData("old.doc", "application/msword", "of type 'application/msword', which cannot be attached")]
    [InlineData("x.png", "", "has no content type")]
    [InlineData("x.png", null, "has no content type")]
    public void Check_TypeNotAllowed_IsRefusedListingWhatIs(string fileName, string? declared, string reason)
    {
        var error = Refused(() => AttachmentRules.Check(fileName, declared, 1_000, Png));

        Assert.Contains(reason, error.Message);
        Assert.Contains("Allowed: PNG, JPEG, GIF and WebP images; PDF, text (.txt), CSV, Word (.docx) and Excel (.xlsx) documents.", error.Message);
    }

    [Theory]
    [InlineData("photo.exe", "'.exe'")]
    [InlineData("photo", "no extension")]
    [InlineData("photo.jpg", "'.jpg'")]
    public void Check_ExtensionDisagreesWithTheDeclaredType_IsRefused(string fileName, string extension)
    {
        var error = Refused(() => AttachmentRules.Check(fileName, "image/png", 1_000, Png));

        Assert.Equal($"'{fileName}' is declared as a PNG image (image/png) but its name ends in {extension}; a PNG image ends in .png.", error.Message);
    }

    [Fact]
    public void Check_FileNameWithAPath_NamesOnlyTheFileInTheMessage()
    {
        var error = Refused(() => AttachmentRules.Check("C:\\Users\\me\\cat.png", "image/png", 1_000, Executable));

        Assert.StartsWith("'cat.png' ", error.Message);
    }

    [Fact]
    public async Task CheckAsync_SeekableStream_ChecksFromItsPositionAndRewinds()
    {
        using var content = new MemoryStream([0x01, 0x02, .. Png, 0x00, 0x01]);
        content.Position = 2;

        var type = await AttachmentRules.CheckAsync("logo.png", "image/png", content);

        Assert.Equal("image/png", type.ContentType);
        Assert.Equal(2, content.Position);
    }

    [Fact]
    public async Task CheckAsync_ExecutableBehindAPngName_IsRefused()
    {
        using var content = new MemoryStream(Executable);

        var error = await Assert.ThrowsAsync<DomainException>(() => AttachmentRules.CheckAsync("cat.png", "image/png", content));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
        Assert.Equal(0, content.Position);
    }

    [Fact]
    public async Task CheckAsync_ForwardOnlyStream_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => AttachmentRules.CheckAsync("logo.png", "image/png", new NonSeekableStream(Png)));
    }

    private static DomainException Refused(Action check)
    {
        var error = Assert.Throws<DomainException>(check);
        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
        return error;
    }
}
